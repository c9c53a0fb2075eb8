import type { App } from 'vue';
import { ElLoading } from 'element-plus';
import * as COMPONENTS from './element-components';

/** Registers the console's Element Plus components (listed in element-components.ts) and the v-loading directive. */
export function installElement(app: App): void {
  for (const [name, component] of Object.entries(COMPONENTS)) app.component(name, component);
  app.use(ElLoading);
}
