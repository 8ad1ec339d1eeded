import { usePrivacyMode } from '@/lib/privacy-mode';

/** Privacy mode on or off (masks recipients and content, for screen sharing). */
export function PrivacyToggle() {
  const { privacy, togglePrivacy } = usePrivacyMode();
  return (
    <button
      type="button"
      className="button"
      aria-pressed={privacy}
      onClick={togglePrivacy}
      title="Masks recipients and message content, for screen sharing"
    >
      Privacy mode
    </button>
  );
}
