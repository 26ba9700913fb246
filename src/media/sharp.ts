import type SharpModule from 'sharp';

/** sharp's default export: the function that opens an image, with its global settings. */
export type SharpFactory = typeof SharpModule;

let loaded: Promise<SharpFactory> | undefined;

/**
 * sharp, imported on first use and configured once. Images are only processed on rare paths
 * (an upload, a share image built once per media item, the demo seed), so a server that has
 * done none of them never maps libvips (about 20 MB of resident memory).
 */
export function loadSharp(): Promise<SharpFactory> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // libvips' operation cache (up to 50 MB and 100 operations by default) only pays off when
    // the same image is processed again, which never happens here: each upload is decoded once,
    // each share image built once and then read from disk.
    sharp.cache(false);
    // One libvips worker thread per image: uploads are rare and each thread keeps buffers of
    // its own. sharp already picks 1 under glibc; other allocators (musl, jemalloc) would get
    // one per core.
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}
