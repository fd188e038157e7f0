/** The buttons under a filter form: apply the draft; clear, when filters are applied. */
export function FilterActions({
  active,
  onClear,
  primary = false,
}: {
  /** Filters are applied now (shows "Clear filters"). */
  active: boolean;
  onClear: () => void;
  primary?: boolean;
}) {
  return (
    <div className="form__actions">
      <button type="submit" className={primary ? 'button button--primary' : 'button'}>
        Apply filters
      </button>
      {active && (
        <button type="button" className="button button--ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
