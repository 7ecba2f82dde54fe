import type { ModuleDefinition } from '../../kernel/module.js';
import type { OperationDocs } from '../operation-docs.js';
import { coreDocs } from './core.js';

/** Every operation's words: the platform's own routes and each module's. */
export function allOperationDocs(modules: readonly ModuleDefinition[]): OperationDocs {
  return Object.assign({}, coreDocs, ...modules.map((m) => m.operationDocs ?? {}));
}
