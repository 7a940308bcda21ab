import { Image, Skeleton } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

interface Props {
  value: string;
  alt: string;
  size?: number;
}

/** Drawn in the browser: the otpauth URL holds the TOTP secret, so it must never go to a QR service. */
export function QrCodeImage({ value, alt, size = 200 }: Props) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(value, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (!cancelled) setSrc(url);
      })
      .catch(() => {
        // Unreachable for an otpauth URL; the secret is shown as text beside the image anyway.
      });
    return () => {
      cancelled = true;
    };
  }, [value, size]);
  if (!src) return <Skeleton w={size} h={size} />;
  return <Image src={src} alt={alt} w={size} h={size} fit="contain" />;
}
