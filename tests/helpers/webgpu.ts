import { existsSync } from 'node:fs';

/** Chromium's SwiftShader Vulkan driver (Debian's `chromium` package). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * Lets WebGPU run on SwiftShader in this process: Dawn's Vulkan loader reads the ICD path
 * when its instance is made, and software adapters are refused unless allowed. Throws a clear
 * error where the driver is absent.
 */
export function useSoftwareWebgpu(): void {
  if (!process.env.VK_ICD_FILENAMES) {
    if (!existsSync(SWIFTSHADER_ICD)) {
      throw new Error(
        `WebGPU tests need SwiftShader's Vulkan driver at ${SWIFTSHADER_ICD} (apt-get install chromium libvulkan1)`,
      );
    }
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  process.env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE = '1';
}
