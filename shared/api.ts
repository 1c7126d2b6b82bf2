/**
 * The API contract both sides compile against: function → action → input and output.
 * The server's handlers are checked against it; the mini-program's client is typed by it.
 */
import type { AreaView, AreaWithTrail, ChildrenInput, GetAreaInput, SearchAreasInput } from './areas/schemas';
import type { GrantRoleInput, ListPeopleInput, MeView, Page, PersonView, RevokeRoleInput } from './users/schemas';

interface Call<I, O> {
  input: I;
  output: O;
}
type Empty = Record<string, never>;

export interface ApiContract {
  areas: {
    children: Call<ChildrenInput, { parent: AreaView | null; children: AreaView[] }>;
    get: Call<GetAreaInput, { node: AreaView; ancestors: AreaView[] }>;
    search: Call<SearchAreasInput, { items: AreaWithTrail[] }>;
  };
  users: {
    me: Call<Empty, MeView>;
    acceptPrivacy: Call<{ version: string }, { acceptedAt: number }>;
    grantRole: Call<GrantRoleInput, { changed: boolean }>;
    revokeRole: Call<RevokeRoleInput, { changed: boolean }>;
    listPeople: Call<ListPeopleInput, Page<PersonView>>;
  };
}

export type FunctionName = keyof ApiContract;
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends Call<infer I, unknown> ? I : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends Call<unknown, infer O> ? O : never;
