import { CopyField } from '../../ui/CopyField';
import { EmptyState } from '../../ui/EmptyState';

/**
 * The CLI and agent. This build does not publish binaries over HTTP, so the
 * page says so and gives the commands that produce them from the source tree.
 */
export function Downloads() {
  return (
    <div className="stack">
      <EmptyState title="This installation does not publish downloadable binaries yet.">
        The <code>gpuaas</code> CLI and the <code>gpuaas-agent</code> node agent are built with the
        control plane. Build them from the same source tree as this server, then copy them to the
        machines that need them.
      </EmptyState>
      <CopyField label="Build command" value="make build" />
      <CopyField label="CLI path" value="build/apps/gpuaas --version" />
      <CopyField label="Agent path" value="build/apps/gpuaas-agent --version" />
    </div>
  );
}
