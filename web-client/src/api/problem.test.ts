import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { ApiError, applyProblemToForm, asApiError, joinDistinct, problemMessage, toFieldPath } from "./problem";

describe("problem details → form errors", () => {
  it("normalises server property paths to form paths", () => {
    expect(toFieldPath("Address.PostalCode")).toBe("address.postalCode");
    expect(toFieldPath("$.address.postalCode")).toBe("address.postalCode");
    expect(toFieldPath("siren")).toBe("siren");
  });

  it("puts known fields on the form and returns the others", () => {
    let errors: Record<string, string> = {};
    const form = {
      getValues: () => ({ siren: "", address: { postalCode: "" } }),
      setErrors: (e: Record<string, string>) => (errors = e),
    };
    const error = new ApiError(400, {
      errors: { siren: ["Le SIREN est invalide (clé de contrôle)."], "Address.PostalCode": ["Requis."], lines: ["Au moins une ligne."] },
    });

    const rest = applyProblemToForm(form, error);

    expect(errors).toEqual({ siren: "Le SIREN est invalide (clé de contrôle).", "address.postalCode": "Requis." });
    expect(rest).toEqual(["Au moins une ligne."]);
  });

  it("recognises a bare problem body but not a network failure", () => {
    expect(asApiError({ status: 404, title: "Introuvable" })?.status).toBe(404);
    expect(asApiError(new TypeError("Failed to fetch"))).toBeNull();
  });

  it("says a detail that repeats the title once, not 'X — X'", () => {
    const t = ((key: string) => key) as unknown as TFunction;
    const same = new ApiError(422, { title: "Le client est archivé.", detail: "Le client est archivé." });
    expect(problemMessage(same, t)).toBe("Le client est archivé.");
    expect(joinDistinct("Conflit", "Conflit : le document est validé.")).toBe("Conflit : le document est validé.");
    expect(joinDistinct("Requête invalide", "Le SIREN est invalide.")).toBe("Requête invalide — Le SIREN est invalide.");
    expect(joinDistinct("Introuvable", null)).toBe("Introuvable");
  });
});
