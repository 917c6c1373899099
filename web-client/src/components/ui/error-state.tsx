import { Center } from "@mantine/core";
import { ProblemAlert } from "./problem-alert";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center py="xl">
      <div style={{ maxWidth: 560, width: "100%" }}>
        <ProblemAlert error={error} onRetry={onRetry} />
      </div>
    </Center>
  );
}
