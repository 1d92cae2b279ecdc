/**
 * Writes that survive a crash at any instant: files (durable) and whole folders
 * (replace-folder); and the lock that keeps two read-modify-writes of one file apart.
 */
export { syncFolder, writeAtomic, writeDurable } from './durable';
export { removeDeadWriteTemps } from './atomic-leftovers';
export { withFileLock } from './file-lock';
export { recoverFolder, recoverReplacedFolders, replaceFolder, writeFolderReplacing } from './replace-folder';
export { removeFolder } from './remove-folder';
