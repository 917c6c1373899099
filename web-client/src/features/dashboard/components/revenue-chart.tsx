import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { formatMoney } from "@/lib/format-money";

/** The twelve months' revenue as bars, in a file of its own: the charting library is loaded only where a chart is shown. */
export default function RevenueChart({
  data,
  label,
  onMonth,
}: {
  data: { month: string; label: string; amount: number }[];
  label: string;
  onMonth: (month: string) => void;
}) {
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="label"
      series={[{ name: "amount", label, color: "blue.6" }]}
      valueFormatter={(v) => formatMoney(v)}
      withLegend={false}
      aria-label={label}
      barProps={{
        cursor: "pointer",
        onClick: (entry: { payload?: { month?: string } }) => {
          if (entry.payload?.month) onMonth(entry.payload.month);
        },
      }}
    />
  );
}
