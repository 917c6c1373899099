import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiMutation, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

export type CompanyProfile = components["schemas"]["CompanyProfileResponse"];
export type UpdateCompanyProfile = components["schemas"]["UpdateCompanyProfileRequest"];
export type LegalForm = components["schemas"]["LegalForm"];

/** The profile together with the ETag it was read at: the next PUT must send it back as If-Match. */
export type VersionedCompanyProfile = Versioned<CompanyProfile>;

export const companyProfileQueryKey = apiKey("/api/v1/company", {}, "versioned");

export function useCompanyProfile() {
  return useVersionedQuery("/api/v1/company");
}

/** The header shows the company name, which comes from /auth/me: the invalidation map refreshes it. */
export function useUpdateCompanyProfile() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/company",
    async ({ body, etag }: { body: UpdateCompanyProfile; etag: string | null }): Promise<VersionedCompanyProfile> =>
      versioned(await fetchClient.PUT("/api/v1/company", { params: { header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(companyProfileQueryKey, saved) },
  );
}

export const logoMaxBytes = 512 * 1024;
export const logoTypes = ["image/png", "image/jpeg"];

export function useUploadLogo() {
  return useApiMutation("PUT /api/v1/company/logo", async (file: File) =>
    unwrap(
      await fetchClient.PUT("/api/v1/company/logo", {
        body: { file: "" },
        bodySerializer: () => {
          const data = new FormData();
          data.append("file", file);
          return data;
        },
      }),
    ),
  );
}

export function useDeleteLogo() {
  return useApiMutation("DELETE /api/v1/company/logo", async () => unwrap(await fetchClient.DELETE("/api/v1/company/logo")));
}
