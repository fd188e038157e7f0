import { Link } from 'react-router-dom';
import { CopyField } from '../../ui/CopyField';

/** Short guides for scripting against this cloud, with this server's own address filled in. */
export function Guides() {
  const origin = window.location.origin;
  return (
    <div className="stack guides">
      <section className="panel" aria-labelledby="guide-token">
        <h3 id="guide-token" className="panel__title">
          Call the API with a token
        </h3>
        <ol>
          <li>
            Create a personal API token under <Link to="/account/security">Account → Security</Link>{' '}
            (the secret is shown once).
          </li>
          <li>Keep it in an environment variable and send it as a bearer token:</li>
        </ol>
        <CopyField label="Who am I" value={`curl -H "Authorization: Bearer $GPUAAS_TOKEN" ${origin}/api/v1/users/me`} />
      </section>
      <section className="panel" aria-labelledby="guide-ops">
        <h3 id="guide-ops" className="panel__title">
          Follow an operation
        </h3>
        <p>
          Lifecycle changes answer <code>202 Accepted</code> with a <code>Location</code> header. Poll
          it, or watch the notification stream, until its state is <code>succeeded</code> or{' '}
          <code>failed</code>. Every operation is listed under <Link to="/operations">Operations</Link>.
        </p>
        <CopyField label="List my operations" value={`curl -H "Authorization: Bearer $GPUAAS_TOKEN" ${origin}/api/v1/operations`} />
      </section>
      <section className="panel" aria-labelledby="guide-idem">
        <h3 id="guide-idem" className="panel__title">
          Retry safely
        </h3>
        <p>
          Send an <code>Idempotency-Key</code> header with every mutation; repeating the request with
          the same key returns the first answer instead of acting twice. On <code>429</code> wait the
          seconds in <code>Retry-After</code>.
        </p>
      </section>
    </div>
  );
}
