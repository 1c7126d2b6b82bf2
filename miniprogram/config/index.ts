/** Taro build config: one source tree → build/weapp and build/h5 at the repo root, with ../shared compiled in. */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type WebpackChain from 'webpack-chain';

const sharedDir = path.resolve(__dirname, '../../shared');

/**
 * Our api/ and utils/ modules do nothing on import, so webpack may drop the ones a platform never
 * calls (the h5 transport on weapp, Taro.cloud on h5) once process.env.TARO_ENV folds the branches.
 */
function markPureSources(chain: WebpackChain): void {
  // webpack-chain 6 supports Rule.sideEffects at run time but not in its types; set() is the same call.
  chain.module
    .rule('wg-pure-sources')
    .test(/[\\/]src[\\/](api|utils)[\\/]/)
    .set('sideEffects', false);
}

/** NutUI is drawn on a 375 px canvas; our own styles use Taro's default 750. */
function designWidth(input?: string | number | { file?: string }): number {
  return typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(() => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  // WG_BUILD_DIR lets parallel work build into its own folder (e.g. build/h5-wishes).
  const outputRoot = process.env.WG_BUILD_DIR ? path.resolve(process.env.WG_BUILD_DIR) : `../build/${platform}`;
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'wangge-lianxin',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    // The 点单 share card's picture (utils/shareCard.ts), a file of the order subpackage: weapp only (h5 has no cards).
    ...(platform === 'weapp' ? { copy: { patterns: [{ from: 'src/pages/order/share/', to: `${outputRoot}/pages/order/share/` }], options: {} } } : {}),
    alias: { '@shared': sharedDir },
    defineConstants: {
      // CloudBase env id for weapp; empty means the mini-program's default environment.
      WG_CLOUD_ENV: JSON.stringify(process.env.WG_CLOUD_ENV ?? ''),
      // Origin of the HTTP gateway for h5; empty means same origin as the page.
      WG_API_BASE: JSON.stringify(process.env.WG_API_BASE ?? ''),
      // Subscribe-message templates by kind, `kind=templateId,…` with the server's WG_TEMPLATE_<KIND> kinds
      // (a plain id list still means the 点单 filer's); the weapp asks consent for them on a tap.
      WG_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.WG_SUBSCRIBE_TEMPLATES ?? ''),
    },
    framework: 'react',
    // weapp: base.wxml (Taro's recursive templates) is the largest non-JS file of the main package.
    // Taro's docs suggest 8 template levels to shrink it; deeper trees fall back to its `comp`
    // custom component. That trades a little render cost for ~20 KB of main-package budget.
    baseLevel: 8,
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      optimizeMainPackage: { enable: true },
      minifyXML: { collapseWhitespace: true },
      // Component styles are class-scoped, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: markPureSources,
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedDir] },
      router: { mode: 'hash' },
      // Pages are lazy chunks; Taro splits only initial chunks, so shared code (NutUI, the API
      // client) would otherwise be copied into every page.
      webpackChain(chain) {
        markPureSources(chain);
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // NutUI ships px sized for 375; leave its selectors alone on the web.
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
      },
    },
  };
  return base;
});
