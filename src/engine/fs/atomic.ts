/** Writes that survive a crash at any instant: files (durable) and whole folders (replace-folder). */
export { syncFolder, writeAtomic, writeDurable } from './durable';
export { recoverFolder, recoverReplacedFolders, replaceFolder, writeFolderReplacing } from './replace-folder';
export { removeFolder } from './remove-folder';
