import { describe, expect, it } from "vitest";
import { formWithoutHook, handBuiltForms, postsForm } from "./forms-guard-rules";

/** Every component of src/features and src/components, as text (Vite reads them at test time; tests themselves are left out). */
const sources = Object.entries(
  import.meta.glob<string>(["/src/features/**/*.tsx", "/src/components/**/*.tsx", "!/src/**/*.test.tsx"], { query: "?raw", import: "default", eager: true }),
);

describe("Forms → one way to build them", () => {
  it("every component that posts a form builds it with useApiForm", () => {
    const offenders = sources.filter(([, text]) => formWithoutHook(text)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it("no component keeps typed input in useState and sends it from a click, nor sends a dialog's confirmation for it", () => {
    const offenders = sources.flatMap(([file, text]) => handBuiltForms(text).map((why) => `${file} → ${why}`));
    expect(offenders).toEqual([]);
  });

  it("reads every component (the rules are not vacuous)", () => {
    expect(sources.length).toBeGreaterThan(80);
    expect(sources.some(([file]) => file === "/src/components/sales-lines/reason-modal.tsx")).toBe(true);
  });
});

// The shapes the ten forms had before useApiForm, cut down to what the rules look at.
const fixtures = {
  /** accounting settings, billing schedule, credit note: state edited by inputs, a local submit() mutating from onClick. */
  submitFunction: `
export function SettingsForm() {
  const [v, setV] = useState(initial);
  const save = useSave();
  const patch = (p) => setV((s) => ({ ...s, ...p }));
  function submit() {
    save.mutate({ body: v, etag }, { onSuccess: () => notify() });
  }
  return (
    <Stack>
      <TextInput value={v.code} onChange={(e) => patch({ code: e.currentTarget.value })} />
      <Button onClick={submit}>Enregistrer</Button>
    </Stack>
  );
}`,
  /** send modal, allocate modal: the mutation inline in the button's onClick, on a value derived from the state. */
  inlineClick: `
export function SendModal() {
  const [to, setTo] = useState(null);
  const recipients = to ?? billing;
  return (
    <Modal opened>
      <TagsInput value={recipients} onChange={setTo} />
      <Button
        onClick={() =>
          send.mutate({ to: recipients }, { onSuccess: onClose })
        }
      >
        Envoyer
      </Button>
    </Modal>
  );
}`,
  /** reason modal: the typed reason handed to the caller's onConfirm from a click. */
  confirmCallback: `
export function ReasonModal({ onConfirm }) {
  const [reason, setReason] = useState("");
  return (
    <Modal opened>
      <Textarea value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <OnceButton
        onClick={() => {
          onConfirm(reason.trim());
          return true;
        }}
      >
        Confirmer
      </OnceButton>
    </Modal>
  );
}`,
  /** invoice receivable panel, payment page: the caller of a dialog sends the mutation from its onConfirm. */
  dialogCaller: `
function Panel() {
  const [dialog, setDialog] = useState(null);
  return (
    <Confirm
      opened={dialog === "writeOff"}
      onConfirm={() =>
        writeOff.mutate({ id: invoice.id, date: null }, { onSuccess: () => setDialog(null) })
      }
    />
  );
}`,
  /** import CSV: the state reached through a local function (run) that the click calls. */
  throughLocalFunction: `
export function ImportCsvModal() {
  const [file, setFile] = useState(null);
  function run(dryRun) {
    if (!file) return;
    mutation.mutate({ file, dryRun });
  }
  return (
    <Modal opened>
      <FileInput value={file} onChange={(f) => { setFile(f); mutation.reset(); }} />
      <Button onClick={() => run(true)}>Simulation</Button>
    </Modal>
  );
}`,
};

describe("Forms → the guard recognises a hand-built form", () => {
  it.each(Object.entries(fixtures))("flags the shape %s", (_, text) => {
    expect(handBuiltForms(text)).toHaveLength(1);
  });

  it("names the component and the state sent", () => {
    expect(handBuiltForms(fixtures.submitFunction)).toEqual(["SettingsForm: input state (v) sent from an onClick"]);
    expect(handBuiltForms(fixtures.dialogCaller)).toEqual(["Panel: a dialog's onConfirm sends the mutation"]);
  });

  it("lets through the same component once its form is built with useApiForm", () => {
    const migrated = fixtures.submitFunction.replace("const [v, setV] = useState(initial);", "const { form, submitWith } = useApiForm({ initialValues: initial });");
    expect(handBuiltForms(migrated)).toEqual([]);
  });

  it("lets through a search box beside an action button, and a confirm button with no input", () => {
    const searchAndAction = `
export function UsersTable() {
  const [search, setSearch] = useState("");
  const query = useUsers(search);
  return (
    <>
      <TextInput value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <Button onClick={() => resend.mutate(user.id)}>Renvoyer</Button>
    </>
  );
}`;
    const deleteConfirm = `
function Page() {
  const [dialog, setDialog] = useState(null);
  return <OnceButton onClick={() => remove.mutate(id, { onSuccess: onDeleted })}>Supprimer</OnceButton>;
}`;
    expect(handBuiltForms(searchAndAction)).toEqual([]);
    expect(handBuiltForms(deleteConfirm)).toEqual([]);
  });

  it("recognises a form element posted by hand", () => {
    expect(postsForm.test('<form onSubmit={submit} noValidate aria-label="x">')).toBe(true);
    expect(postsForm.test('<Stack component="form">')).toBe(false);
    expect(formWithoutHook("<form onSubmit={(e) => { e.preventDefault(); save.mutate(v); }}>")).toBe(true);
  });
});
