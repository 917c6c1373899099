import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { AppProvider, createQueryClient } from "@/app/provider";
import { createCustomer, db } from "@/testing/data";
import { server } from "@/testing/server";
import { CustomerSelect } from "@/components/pickers/customer-select";

function Picker({ onPicked }: { onPicked: (name: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <CustomerSelect
      label="Client"
      value={value}
      valueLabel={null}
      onChange={(id, name) => {
        setValue(id);
        onPicked(name);
      }}
    />
  );
}

describe("CustomerSelect", () => {
  it("does not pick the first customer of the previous list when Enter is pressed while the search runs", async () => {
    db.customers = [createCustomer({ name: "Atelier Bois" }), createCustomer({ name: "Menuiserie Durand" })];
    // The filtered search answers only when the test lets it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get("*/api/v1/customers", async ({ request }) => {
        if (new URL(request.url).searchParams.get("search")) await held;
        return undefined;
      }),
    );
    const picked: (string | null)[] = [];
    const user = userEvent.setup();
    render(
      <AppProvider queryClient={createQueryClient()}>
        <Picker onPicked={(name) => picked.push(name)} />
      </AppProvider>,
    );
    const input = screen.getAllByLabelText("Client").find((e) => e.tagName === "INPUT")!;
    await user.click(input);
    expect(await screen.findByRole("option", { name: "Atelier Bois", hidden: true })).toBeInTheDocument();

    await user.type(input, "Dur");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(picked).toEqual([]);

    release();
    expect(await screen.findByRole("option", { name: "Menuiserie Durand", hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Atelier Bois", hidden: true })).not.toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(picked).toEqual(["Menuiserie Durand"]));
  });
});
