import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './harness';

/**
 * Debian's Chromium with WebGPU on SwiftShader, its software Vulkan driver: headless, on a
 * http://127.0.0.1 page (a secure context). --disable-gpu would turn WebGPU off, so it is not
 * passed here; the rest are the harness's flags.
 */
export const WEBGPU_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchWebgpuChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: WEBGPU_FLAGS });
}
