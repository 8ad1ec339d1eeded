import type { MessageFailure } from '../../../src/lib/bird/message';
import type { Random } from './random';

/** What seeded messages say: names, texts, subjects, tags, failures. Plain data and fillers. */

// prettier-ignore
export const FIRST_NAMES = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Sem', 'Julia', 'Daan', 'Sophie',
  'Finn', 'Anna', 'Milan', 'Tess', 'Levi', 'Sara', 'Luca', 'Zoë', 'Jesse', 'Nora', 'Mateo',
  'Amira', 'Yusuf', 'Hannah', 'Kenji', 'Priya', 'Omar', 'Ingrid', 'Diego',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters',
  'Hendriks', 'Dekker', 'Brouwer', 'Garcia', 'Müller', 'Rossi', 'Nakamura', 'Patel', 'Okafor',
  'Larsen', 'Novak', 'Silva', 'Kowalski', 'Dubois', 'Murphy',
] as const;

// prettier-ignore
export const EMAIL_DOMAINS = [
  'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hey.com', 'ziggo.nl',
  'acme-corp.com', 'example.org', 'web.de',
] as const;

/** Country prefixes with the digits that follow (mobile ranges). */
export const PHONE_PLANS = [
  { prefix: '+316', digits: 8, weight: 40 },
  { prefix: '+447', digits: 9, weight: 20 },
  { prefix: '+1415', digits: 7, weight: 15 },
  { prefix: '+4915', digits: 9, weight: 10 },
  { prefix: '+336', digits: 8, weight: 8 },
  { prefix: '+5511', digits: 9, weight: 7 },
] as const;

// prettier-ignore
export const TAGS = [
  'billing', 'reminder', 'marketing', 'promo', 'otp', 'onboarding', 'support', 'order-update',
  'shipping', 'newsletter', 'vip', 'survey', 'appointment', 'black friday',
] as const;

export const REFERENCE_PREFIXES = ['order', 'inv', 'ticket', 'appt', 'cust', 'ship'] as const;

export const STORES = ['Perch Outfitters', 'Harbor Books', 'Copper Kettle', 'Nordlicht Travel'];

/** Outgoing SMS and WhatsApp texts; `{name}`, `{n}`, `{code}`, `{store}`, `{day}` are filled. */
export const OUTGOING_TEXTS = [
  'Your verification code is {code}. It expires in 10 minutes. Do not share it with anyone.',
  'Hi {name}, your order #{n} has shipped and should arrive on {day}. Track it in the app.',
  'Reminder: your appointment is on {day} at 10:30. Reply YES to confirm or NO to reschedule.',
  '{store}: 20% off everything this weekend with code SPRING{n}. Reply STOP to opt out.',
  'Hi {name}, we received your payment of €{amount}. Thank you!',
  'Your table for 2 at {store} is confirmed for {day}, 19:00.',
  'Hi {name}, your support ticket #{n} has been updated. Reply here if you have questions.',
  'Your package from {store} is out for delivery today between 14:00 and 16:00.',
  'Hi {name}! How did we do? Rate your last visit from 1 to 5 by replying to this message.',
  'Security alert: a new device signed in to your account. Not you? Call us right away.',
] as const;

// prettier-ignore
export const INCOMING_TEXTS = [
  'Yes', 'YES', 'No, please reschedule', 'STOP', 'Thanks!', 'Can you call me back?',
  'Where is my order?', 'What time do you open tomorrow?', '5', 'Perfect, see you then 👍',
  'I did not request this code', 'Is the discount valid online too?', 'Ok thank you',
  'Can I change the delivery address?',
] as const;

// prettier-ignore
export const IMAGE_CAPTIONS = [
  'Here is your boarding pass', 'Your new look is ready ✨', 'Floor plan for your visit',
  'Weekend menu', 'Photo of the damaged item', 'Receipt attached',
] as const;

export const EMAIL_SUBJECTS = [
  'Your invoice #{n} is ready',
  'Invoice reminder: payment due on {day}',
  'Welcome to {store}, {name}!',
  'Your order #{n} has shipped',
  'Your order #{n} is confirmed',
  'Reset your password',
  'Your weekly digest from {store}',
  'Last chance: 30% off ends tonight',
  'Your appointment on {day} is confirmed',
  'We miss you, {name} — here is 15% off',
  'Action required: verify your email address',
  'Your monthly statement for {month}',
  'New sign-in to your account',
  'Tell us how we did (2-minute survey)',
  'Re: question about my subscription',
] as const;

export const INCOMING_EMAIL_SUBJECTS = [
  'Re: Your order #{n} has shipped',
  'Re: Invoice reminder',
  'Question about my account',
  'Unsubscribe',
  'Re: Your appointment on {day} is confirmed',
] as const;

export const LINKS = [
  { name: 'View invoice', url: 'https://example.com/invoices' },
  { name: 'Track your order', url: 'https://example.com/track' },
  { name: 'Shop the sale', url: 'https://example.com/sale' },
  { name: 'Manage preferences', url: 'https://example.com/preferences' },
] as const;

export const REACTIONS = ['👍', '❤️', '😂', '🙏', '😮'] as const;

// prettier-ignore
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
] as const;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Fills a template's placeholders with draws from `random` (one draw per placeholder). */
export function fill(random: Random, template: string, name: string): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'name':
        return name;
      case 'n':
        return String(random.int(10000, 99999));
      case 'code':
        return String(random.int(100000, 999999));
      case 'store':
        return random.pick(STORES);
      case 'day':
        return random.pick(DAYS);
      case 'month':
        return random.pick(MONTHS);
      case 'amount':
        return `${String(random.int(5, 480))}.${String(random.int(10, 99))}`;
      default:
        return key;
    }
  });
}

/** An HTML email body for a subject (with one link). */
export function emailHtml(subject: string, name: string, link: { name: string; url: string }) {
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h1>${subject}</h1>
<p>Hi ${name},</p>
<p>Thanks for being with us. Everything you need is one click away.</p>
<p><a href="${link.url}">${link.name}</a></p>
<p style="color:#777">You receive this email because you have an account with us.</p>
</body></html>`;
  const text = `Hi ${name},\n\nThanks for being with us. ${link.name}: ${link.url}\n`;
  return { html, text };
}

interface FailureCase {
  reason: string;
  details: string;
  failure: MessageFailure;
}

const failure = (
  code: number,
  description: string,
  name: string,
  reason: string,
  details = '',
  sourceCode?: string,
): FailureCase => ({
  reason,
  details,
  failure: { code, description, source: { name, ...(sourceCode ? { code: sourceCode } : {}) } },
});

/** Failure outcomes per status and platform (codes, sources and tokens as in the contract). */
export function failureFor(random: Random, status: string, platformId: string): FailureCase {
  if (status === 'rejected') {
    return random.pick([
      failure(11002, 'Invalid input', 'pre-processing', 'The message body failed validation'),
      failure(
        11001,
        'Invalid channel configuration',
        'pre-processing',
        'The channel is not configured for this message type',
      ),
      failure(
        14001,
        'Insufficient balance',
        'accounting',
        'The workspace balance is too low to send',
      ),
      failure(
        14002,
        'Recipient opted out',
        'contact',
        'The recipient unsubscribed from this channel',
        'policyRejection',
      ),
    ]);
  }
  if (status === 'sending_failed') {
    return random.pick([
      failure(
        12003,
        'Unsupported destination',
        'touchpoint',
        'The destination is not supported by this channel',
      ),
      failure(
        12001,
        'Dependency error',
        platformId,
        'The upstream provider did not respond in time',
      ),
      failure(
        12002,
        'Unsupported type',
        'touchpoint',
        'The platform does not support this message type',
      ),
    ]);
  }
  if (platformId === 'email-messagebird') {
    return random.weighted([
      [
        failure(
          15001,
          'Hard bounce',
          platformId,
          "The recipient's mail server rejected the address permanently",
          'bounceHard',
          '550',
        ),
        5,
      ],
      [
        failure(
          15002,
          'Soft bounce',
          platformId,
          'The mailbox is full or temporarily unavailable',
          'bounceSoft',
          '452',
        ),
        3,
      ],
      [
        failure(
          15003,
          'Policy rejection',
          platformId,
          "The recipient's mail server rejected the message by policy",
          'policyRejection',
          '554',
        ),
        2,
      ],
    ] as const);
  }
  return random.weighted([
    [
      failure(
        15005,
        'Unknown subscriber',
        platformId,
        'The recipient is not a known subscriber of the mobile network',
        'unknown_subscriber',
      ),
      6,
    ],
    [
      failure(
        15006,
        'Absent subscriber',
        platformId,
        'The handset was unreachable until the message expired',
        'absent_subscriber',
      ),
      3,
    ],
    [
      failure(
        15007,
        'Blocked by carrier',
        platformId,
        'The carrier filtered the message',
        'policyRejection',
      ),
      1,
    ],
  ] as const);
}
