// The methods a path takes, read from the app's own routes: for 405's Allow header (RFC 9110 §15.5.6) and OPTIONS.
import type { Express } from 'express';

interface RouteLayer {
  route?: { methods: Record<string, boolean | undefined> };
  matchers: ((path: string) => unknown)[];
}

/**
 * The methods the app's routes take at `path`, GET bringing HEAD, sorted; empty for a path no route has. The layers'
 * matchers are pure (Layer.match would set the layer's params, which a request in flight reads).
 */
export function allowedMethods(app: Express, path: string): string[] {
  const methods = new Set<string>();
  for (const layer of (app.router as unknown as { stack: RouteLayer[] }).stack) {
    if (!layer.route) continue;
    let hit = false;
    try {
      hit = layer.matchers.some((match) => match(path));
    } catch {
      // A parameter that does not decode: no route takes the path.
    }
    if (hit) for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') methods.add(m.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
