import { describe, expect, it } from "vitest";
import { ApiError } from "@/api/problem";
import { mapPaymentProblem } from "./payment-problem";

describe("payment problem mapping", () => {
  it("sends allocations[i].* to the row sent at index i, known fields to the form, the rest to the alert", () => {
    const error = new ApiError(422, {
      status: 422,
      errors: {
        "allocations[0].amount": ["Trop."],
        "Allocations[1].InvoiceId": ["Pas une facture de ce client."],
        "allocations[5].amount": ["Index inconnu."],
        BankAccountCode: ["Compte inconnu."],
        "$.date": ["Date invalide."],
        other: ["Autre."],
      },
    });
    expect(mapPaymentProblem(error, [{ invoiceId: "a" }, { invoiceId: "b" }], ["date", "bankAccountCode"])).toEqual({
      fields: { bankAccountCode: "Compte inconnu.", date: "Date invalide." },
      rows: { a: "Trop.", b: "Pas une facture de ce client." },
      other: ["Index inconnu.", "Autre."],
    });
    expect(mapPaymentProblem(new Error("offline"), [], [])).toEqual({ fields: {}, rows: {}, other: [] });
  });
});
