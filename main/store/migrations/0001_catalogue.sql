-- The service catalogue's categories, seeded from kiosk-config/catalogue at start.
CREATE TABLE catalogue_category (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name_zh_cn TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_zh_cn TEXT NOT NULL,
  description_en TEXT NOT NULL
);
