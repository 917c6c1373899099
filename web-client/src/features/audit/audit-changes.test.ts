import { describe, expect, it } from "vitest";
import { fieldChanges } from "./audit-changes";

describe("fieldChanges", () => {
  it("keeps only the fields that changed, nested ones by their path", () => {
    expect(
      fieldChanges(
        { name: "Durand", paymentTerms: { days: 30 }, billingAddress: { city: "Lyon", postalCode: "69002" } },
        { name: "Durand SARL", paymentTerms: { days: 30 }, billingAddress: { city: "Villeurbanne", postalCode: "69002" } },
      ),
    ).toEqual([
      { path: "name", before: "Durand", after: "Durand SARL" },
      { path: "billingAddress.city", before: "Lyon", after: "Villeurbanne" },
    ]);
  });

  it("lists what a creation set and what a deletion removed", () => {
    expect(fieldChanges(null, { code: "POSE", unitPrice: 65 })).toEqual([
      { path: "code", before: null, after: "POSE" },
      { path: "unitPrice", before: null, after: 65 },
    ]);
    expect(fieldChanges({ lines: [{ quantity: 2 }] }, null)).toEqual([{ path: "lines[0].quantity", before: 2, after: null }]);
  });
});
