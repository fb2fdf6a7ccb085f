/** Placeholder replaced once the embedded platform exists: nothing to start yet. */
export default async function setup(): Promise<void> {}
