/** Plain line icons per catalogue category; a category the icons do not know gets a generic one. */
const paths: Record<string, string> = {
  'government-services': 'M4 20h16M6 20V10M10 20V10M14 20V10M18 20V10M3 10l9-6 9 6z',
  certificates: 'M7 3h7l4 4v14H7zM14 3v4h4M9.5 12h6M9.5 16h6',
  appointments: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  'social-security': 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  convenience: 'M3 12l9-8 9 8M6 10v10h12V10M10 20v-5h4v5',
  transport: 'M5 4h14v12H5zM5 11h14M8 19v2M16 19v2M5 16l-1 3h16l-1-3M8 14h.01M16 14h.01',
};

export function CategoryIcon({ id }: { id: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[id] ?? 'M4 4h16v16H4zM8 9h8M8 13h8M8 17h5'} />
    </svg>
  );
}
