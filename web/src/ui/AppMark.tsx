import { appIdentity } from './appIdentity';
import './AppMark.css';

export interface AppMarkProps {
  slug: string;
  size?: 'sm' | 'md' | 'lg';
}

/** An app's mark (letters on its tone), named for assistive tech by the app's label. */
export function AppMark({ slug, size = 'md' }: AppMarkProps) {
  const { label, mark, tone } = appIdentity(slug);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`ui-app-mark ui-app-mark--${tone} ui-app-mark--${size}`}
      data-tone={tone}
    >
      {mark}
    </span>
  );
}
