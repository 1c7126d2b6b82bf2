/**
 * The API contract both sides compile against: function → action → input and output.
 * The server's handlers are checked against it; the mini-program's client is typed by it.
 */
import type { DutyForView } from './duties/schemas';
import type { DutiesApi } from './duties/api';
import type { HotlineApi } from './orders/hotlineApi';
import type {
  AddAreaInput,
  AreaView,
  AreaWithTrail,
  ChildrenInput,
  ChildrenView,
  GetAreaInput,
  ImportPreview,
  ImportStep,
  ImportTemplate,
  ImportTemplateInput,
  ImportTreeInput,
  MoveAreaInput,
  RetireAreaInput,
  RetiredArea,
  SearchAreasInput,
  UpdateAreaInput,
} from './areas/schemas';
import type {
  AcceptInvitationInput,
  InvitationInput,
  InvitationListItem,
  InvitationsInput,
  InvitationView,
  InviteInput,
  IssuedInvitation,
  RevokeInvitationInput,
} from './invitations/schemas';
import type { ContactView, GrantRoleInput, ListPeopleInput, MeView, Page, PersonView, RevokeRoleInput, SetElderModeInput, SetHomeInput, TodoView } from './users/schemas';
import type { HouseholdView, LinkHouseholdsInput, NodeInput, NodeView, SetAwayInput, SetDeputyInput } from './users/deputies';
import type { ListMessagesInput, MediaChecked, MediaCheckedInput, MessagePage } from './notifications/schemas';
import type {
  CancelOrderInput,
  CandidateView,
  CloseReopenedInput,
  CompleteInput,
  ConsoleCounts,
  ConsoleInput,
  DeclineInput,
  DispatchInput,
  FileOnBehalfInput,
  FileOrderInput,
  HallInput,
  HeldInput,
  MyOrdersInput,
  NoteInput,
  OrderCard,
  OrderDetail,
  SharedOrderView,
  OrderIdInput,
  OrderPage,
  PoolInput,
  ProgressInput,
  RateOrderInput,
  ReassignInput,
  RejectInput,
  ReleaseInput,
  ReturnVisitInput,
  SimilarOrdersInput,
  TriageInput,
} from './orders/schemas';
import type { OrderStatus } from './orders/model';
import type { PointsApi } from './points/api';
import type { MembersApi } from './members/api';
import type { ActivitiesApi } from './activities/api';
import type { WishesApi } from './wishes/api';
import type { CodesApi } from './codes/api';
import type { DashboardApi } from './dashboard/api';
import type { ResponseApi } from './response/api';
import type { DiaryApi } from './diary/api';
import type { EffectsApi } from './records/api';
import type { AuditApi } from './audit/api';
import type { UnitsApi } from './units/api';

/** A spreadsheet or PDF the server made: where to fetch it, what to save it as, and how much it holds. */
export interface ExportedFileView {
  fileId: string;
  url: string;
  name: string;
  rows: number;
  bytes: number;
}

export interface Call<I, O> {
  input: I;
  output: O;
}
type Empty = Record<string, never>;

export interface ApiContract {
  areas: {
    children: Call<ChildrenInput, ChildrenView>;
    get: Call<GetAreaInput, { node: AreaView; ancestors: AreaView[] }>;
    search: Call<SearchAreasInput, { items: AreaWithTrail[] }>;
    add: Call<AddAreaInput, { node: AreaView }>;
    update: Call<UpdateAreaInput, { node: AreaView }>;
    move: Call<MoveAreaInput, { node: AreaView }>;
    retire: Call<RetireAreaInput, RetiredArea>;
    importTemplate: Call<ImportTemplateInput, ImportTemplate>;
    previewImport: Call<ImportTreeInput, ImportPreview>;
    import: Call<ImportTreeInput, ImportStep>;
  };
  users: {
    me: Call<Empty, MeView>;
    acceptPrivacy: Call<{ version: string }, { acceptedAt: number }>;
    setHome: Call<SetHomeInput, MeView>;
    grantRole: Call<GrantRoleInput, { changed: boolean }>;
    revokeRole: Call<RevokeRoleInput, { changed: boolean }>;
    listPeople: Call<ListPeopleInput, Page<PersonView>>;
    setElderMode: Call<SetElderModeInput, { elderMode: boolean }>;
    /** 一键呼叫: null when the person has no home yet and no phone is known. */
    callContact: Call<Empty, { contact: ContactView | null }>;
    /** 待办: the caller's counts, urgent first, zeros left out. */
    todo: Call<Empty, TodoView>;
    invitation: Call<InvitationInput, InvitationView>;
    acceptInvitation: Call<AcceptInvitationInput, InvitationView>;
    invite: Call<InviteInput, IssuedInvitation>;
    invitations: Call<InvitationsInput, { items: InvitationListItem[] }>;
    revokeInvitation: Call<RevokeInvitationInput, { revoked: boolean }>;
    /** AB角, 一人联十户 and the node page (shared/users/deputies.ts). */
    setDeputy: Call<SetDeputyInput, { changed: boolean }>;
    setAway: Call<SetAwayInput, { changed: boolean }>;
    linkHouseholds: Call<LinkHouseholdsInput, { households: number }>;
    myHouseholds: Call<Empty, { items: HouseholdView[] }>;
    node: Call<NodeInput, NodeView>;
  };
  orders: {
    file: Call<FileOrderInput, { id: string }>;
    /** 代为登记 (电话/来访/网格巡查): staff file for someone, recording the source. */
    fileOnBehalf: Call<FileOnBehalfInput, { id: string }>;
    similar: Call<SimilarOrdersInput, { items: OrderCard[] }>;
    follow: Call<OrderIdInput, { followerCount: number }>;
    mine: Call<MyOrdersInput, OrderPage>;
    detail: Call<OrderIdInput, OrderDetail>;
    /** Opening a shared order (分享到网格群): the whole order, or the public view when the filer allowed sharing. */
    shared: Call<OrderIdInput, SharedOrderView>;
    cancel: Call<CancelOrderInput, Moved>;
    rate: Call<RateOrderInput, Moved>;
    console: Call<ConsoleInput, { counts: ConsoleCounts; page: OrderPage }>;
    triage: Call<TriageInput, Moved>;
    reject: Call<RejectInput, Moved>;
    candidates: Call<OrderIdInput, { items: CandidateView[] }>;
    dispatch: Call<DispatchInput, Moved>;
    pool: Call<PoolInput, Moved>;
    reassign: Call<ReassignInput, Moved>;
    note: Call<NoteInput, Moved>;
    closeReopened: Call<CloseReopenedInput, Moved>;
    /** 回访: 满意/基本满意 close the order, 不满意 reopens it. */
    returnVisit: Call<ReturnVisitInput, Moved>;
    hall: Call<HallInput, OrderPage>;
    held: Call<HeldInput, OrderPage>;
    claim: Call<OrderIdInput, Moved>;
    accept: Call<OrderIdInput, Moved>;
    decline: Call<DeclineInput, Moved>;
    progress: Call<ProgressInput, Moved>;
    release: Call<ReleaseInput, Moved>;
    complete: Call<CompleteInput, Moved>;
    duty: Call<OrderIdInput, DutyForView>;
    sweep: Call<Empty, { escalated: number; autoClosed: number }>;
  };
  notifications: {
    list: Call<ListMessagesInput, MessagePage>;
    unread: Call<Empty, { unread: number }>;
    markRead: Call<Empty, { readAt: number }>;
    /** WeChat's `wxa_media_check` push (system only): a photo not judged safe comes off its record. */
    mediaChecked: Call<MediaCheckedInput, MediaChecked>;
  };
  points: PointsApi;
  // Newer functions keep their contract beside their schemas: shared/<function>/api.ts.
  members: MembersApi;
  activities: ActivitiesApi;
  wishes: WishesApi;
  codes: CodesApi;
  dashboard: DashboardApi;
  response: ResponseApi;
  diary: DiaryApi;
  audit: AuditApi;
  duties: DutiesApi;
  effects: EffectsApi;
  units: UnitsApi;
  hotline: HotlineApi;
}

/** Every order action answers with where the order is now. */
export interface Moved {
  id: string;
  status: OrderStatus;
}

export type FunctionName = keyof ApiContract;
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends Call<infer I, unknown> ? I : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends Call<unknown, infer O> ? O : never;
