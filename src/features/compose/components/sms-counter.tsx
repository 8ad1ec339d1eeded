import { countSms, type SmsCount } from '@/lib/sms/encoding';

interface SmsCounterProps {
  text: string;
  /** Replaces one character (or all that have a look-alike, when `char` is undefined). */
  onReplace: (char: string | undefined) => void;
}

function summary(count: SmsCount): string {
  const segments = `${String(count.segments)} segment${count.segments === 1 ? '' : 's'}`;
  return `${count.encoding} · ${String(count.characters)} characters · ${segments} · ${String(count.remaining)} left in this segment (${String(count.perSegment)} per segment)`;
}

/** Live encoding, characters and segments; what forces UCS-2, with one-click look-alikes. */
export function SmsCounter({ text, onReplace }: SmsCounterProps) {
  const count = countSms(text);
  const replaceable = count.unicodeChars.filter((c) => c.replacement !== undefined);
  return (
    <div className="compose-sms-counter">
      <p id="compose-sms-count" className="field-help">
        {summary(count)}
      </p>
      {count.unicodeChars.length > 0 ? (
        <div className="compose-unicode">
          <p className="field-help">Characters forcing UCS-2:</p>
          <ul className="compose-unicode-list">
            {count.unicodeChars.map(({ char, replacement }) => (
              <li key={char}>
                <mark className="compose-unicode-char">{char}</mark>
                {replacement === undefined ? null : (
                  <button
                    type="button"
                    className="button compose-button-small"
                    onClick={() => {
                      onReplace(char);
                    }}
                  >
                    Replace {char} with {replacement === '' ? 'nothing' : replacement}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {replaceable.length > 1 ? (
            <button
              type="button"
              className="button compose-button-small"
              onClick={() => {
                onReplace(undefined);
              }}
            >
              Replace all look-alikes
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
