import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PositionState {
  readonly state: 'idle' | 'locating' | 'done' | 'failed';
  readonly coords: GeolocationCoordinates | null;
  readonly error: string | null;
  locate(): void;
}

/**
 * The phone's position, asked for on a tap (browsers ask the user once; a position is never taken
 * silently). High accuracy: an officer's arrival is proof of presence.
 */
export function usePosition(): PositionState {
  const [state, setState] = useState<Omit<PositionState, 'locate'>>({ state: 'idle', coords: null, error: null });
  const locate = (): void => {
    if (!('geolocation' in navigator)) return setState({ state: 'failed', coords: null, error: 'no geolocation' });
    setState({ state: 'locating', coords: null, error: null });
    navigator.geolocation.getCurrentPosition(
      (p) => setState({ state: 'done', coords: p.coords, error: null }),
      (e) => setState({ state: 'failed', coords: null, error: e.message || String(e.code) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  };
  return { ...state, locate };
}

/** A photo from the camera (or the gallery), with a preview from a blob: URL (allowed by the CSP's img-src). */
export function PhotoPicker({ file, onChange }: { file: File | null; onChange(file: File | null): void }): ReactNode {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <div className="photo-picker">
      <label htmlFor="field-photo">{t('field.photo')}</label>
      <p className="hint" id="field-photo-hint">
        {t('field.photoHint')}
      </p>
      <input
        id="field-photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        aria-describedby="field-photo-hint"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {preview && <img className="photo-preview" src={preview} alt={t('field.photo')} />}
    </div>
  );
}
