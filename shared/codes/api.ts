/** The `codes` function's contract (民情二维码: stable codes per node or activity, scene resolution, printable posters): action → input and output. */
import type { Call } from '../api';
import type { CodeView, ForActivityInput, ForNodeInput, PosterFile, PosterForGridInput, PosterInput, ResolveInput, ScanResolution } from './schemas';

export interface CodesApi {
  forNode: Call<ForNodeInput, CodeView>;
  forActivity: Call<ForActivityInput, CodeView>;
  resolve: Call<ResolveInput, ScanResolution>;
  poster: Call<PosterInput, PosterFile>;
  posterForGrid: Call<PosterForGridInput, PosterFile>;
}
