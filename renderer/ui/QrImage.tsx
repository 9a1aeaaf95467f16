import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `content`, drawn in the page (no network), large enough to scan from a phone at arm's length. */
export function QrImage({ content, label, size = 280 }: { content: string; label: string; size?: number }) {
  const [dataUrl, setDataUrl] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(content, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then((url) => current && setDataUrl(url));
    return () => {
      current = false;
    };
  }, [content, size]);
  return dataUrl ? <img className="qr" src={dataUrl} width={size} height={size} alt={label} data-content={content} /> : null;
}
