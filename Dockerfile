# syntax=docker/dockerfile:1
# Koban production image: the API serves the built SPA from wwwroot on port 8080.
#   docker build -t koban .
#   docker run -p 5080:8080 -e ConnectionStrings__Koban=... -e ConnectionStrings__KobanOwner=... koban
# Not built in this repository's CI (no Docker engine there): `./koban test` repeats the same
# steps without Docker in its "deploy smoke" step (publish, SPA into wwwroot, non-root user).

# ---- 1. SPA ---------------------------------------------------------------
FROM node:20-bookworm-slim AS spa
WORKDIR /src/web-client
COPY web-client/package.json web-client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-client/ ./
# the SPA's generated API types come from the committed contract
COPY openapi.yaml /src/openapi.yaml
RUN npm run build

# ---- 2. API ---------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS api
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY api/ api/
RUN dotnet restore api/Koban.Api/Koban.Api.csproj
# OpenApiGenerateDocuments=false: the contract (openapi.yaml) is generated and committed
# by developers' builds; generating it here would run the app at build time.
RUN dotnet publish api/Koban.Api/Koban.Api.csproj -c Release -o /app --no-restore \
      -p:OpenApiGenerateDocuments=false

# ---- 3. runtime -----------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=api /app ./
COPY --from=spa /src/web-client/dist ./wwwroot
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The official images define the non-root user `app`; APP_UID is its numeric id.
USER $APP_UID
# No HEALTHCHECK: the runtime image has no curl/wget. Orchestrators should probe
# GET /health/ready (readiness) over HTTP on port 8080 themselves.
ENTRYPOINT ["dotnet", "Koban.Api.dll"]
