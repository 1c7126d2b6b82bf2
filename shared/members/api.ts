/** The `members` function's contract (双报到: member registration, 报到证, reporting organisations (单位报到), transfer, 在职党员信息库): action → input and output. */
import type { Call, ExportedFileView } from '../api';
import type { Page } from '../users/schemas';
import type {
  CreateOrganisationInput,
  Decided,
  ExportLibraryInput,
  LibraryInput,
  LibraryPage,
  LinkOrgInput,
  ListOrganisationsInput,
  MineInput,
  MineView,
  OrganisationView,
  PendingInput,
  RegisterInput,
  RegistrationIdInput,
  RegistrationView,
  RejectRegistrationInput,
  TransferInput,
  VerifyCertInput,
  VerifyView,
} from './schemas';

export interface MembersApi {
  register: Call<RegisterInput, RegistrationView>;
  transfer: Call<TransferInput, RegistrationView>;
  mine: Call<MineInput, MineView>;
  verifyCert: Call<VerifyCertInput, VerifyView>;
  pending: Call<PendingInput, Page<RegistrationView>>;
  approve: Call<RegistrationIdInput, Decided>;
  reject: Call<RejectRegistrationInput, Decided>;
  createOrganisation: Call<CreateOrganisationInput, OrganisationView>;
  listOrganisations: Call<ListOrganisationsInput, Page<OrganisationView>>;
  linkOrg: Call<LinkOrgInput, RegistrationView>;
  library: Call<LibraryInput, LibraryPage>;
  exportLibrary: Call<ExportLibraryInput, ExportedFileView>;
}
