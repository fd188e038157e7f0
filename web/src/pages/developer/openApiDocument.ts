import { api, data } from '../../api/client';

/** The parts of an OpenAPI 3 document the reference page shows. */
export interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface EndpointRow {
  id: string;
  method: string;
  path: string;
  tag: string;
  op: OpenApiOperation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The document the server serves, read live through the one client so the reference never drifts. */
export async function fetchOpenApiDocument(signal?: AbortSignal): Promise<OpenApiDocument> {
  return (await data(api.GET('/api/openapi.json', { signal }))) as unknown as OpenApiDocument;
}

/** One row per method+path, tagged by the first tag (or the path's family). */
export function endpointRows(doc: OpenApiDocument): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const family = path.replace(/^\/api\/v1\//, '').split('/')[0] ?? path;
      rows.push({ id: `${method} ${path}`, method: method.toUpperCase(), path, tag: op.tags?.[0] ?? family, op });
    }
  }
  return rows;
}

/** "Operation" from "#/components/schemas/Operation". */
export function schemaName(ref: string | undefined): string | null {
  return ref ? (ref.split('/').pop() ?? null) : null;
}
