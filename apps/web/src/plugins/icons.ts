import type { Component } from 'vue';
import * as ICON_SET from './icon-set';

/** Icons by name, for menus built from route meta. */
export const ICONS: Record<string, Component> = { ...ICON_SET };
