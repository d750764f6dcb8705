/** The product mark: a leaf over a water drop, in the bureau's green and blue. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="cp-logo-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#22a06b" />
          <stop offset="1" stopColor="#1765c1" />
        </linearGradient>
      </defs>
      <circle cx="24" cy="24" r="23" fill="url(#cp-logo-bg)" />
      <path
        d="M14 31c0-10 8-17 21-18-1 12-8 20-17 20-1.6 0-3-.4-4-2z"
        fill="#ffffff"
        opacity="0.95"
      />
      <path d="M15 34c4-6 9-10 15-13" stroke="#1f8f5f" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}
