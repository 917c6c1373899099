import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type CompanyProfile = components["schemas"]["CompanyProfileResponse"];
export type UpdateCompanyProfile = components["schemas"]["UpdateCompanyProfileRequest"];
export type LegalForm = components["schemas"]["LegalForm"];

/** The profile together with the ETag it was read at: the next PUT must send it back as If-Match. */
export interface VersionedCompanyProfile {
  profile: CompanyProfile;
  etag: string | null;
}

export const companyProfileQueryKey = ["get", "/api/v1/company"] as const;

export function useCompanyProfile() {
  return useQuery({
    queryKey: companyProfileQueryKey,
    queryFn: async ({ signal }): Promise<VersionedCompanyProfile> => {
      const result = await fetchClient.GET("/api/v1/company", { signal });
      return { profile: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useUpdateCompanyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UpdateCompanyProfile; etag: string | null }): Promise<VersionedCompanyProfile> => {
      const result = await fetchClient.PUT("/api/v1/company", {
        params: { header: { "If-Match": etag ?? "" } },
        body,
      });
      return { profile: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(companyProfileQueryKey, saved);
      // The header shows the company name, which comes from /auth/me.
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/auth/me"] });
    },
  });
}

export const logoMaxBytes = 512 * 1024;
export const logoTypes = ["image/png", "image/jpeg"];

export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const result = await fetchClient.PUT("/api/v1/company/logo", {
        body: { file: "" },
        bodySerializer: () => {
          const data = new FormData();
          data.append("file", file);
          return data;
        },
      });
      return unwrap(result);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyProfileQueryKey }),
  });
}

export function useDeleteLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await fetchClient.DELETE("/api/v1/company/logo")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyProfileQueryKey }),
  });
}
