import "@mantine/charts/styles.css";
import { BarChart, type BarChartSeries } from "@mantine/charts";
import { formatMoney } from "@/lib/format-money";

/** The aging bar chart, in a file of its own: the charting library (Recharts) is loaded only where a chart is shown. */
export default function AgingChart({ data, series, label }: { data: Record<string, string | number>[]; series: BarChartSeries[]; label: string }) {
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="bucket"
      type="stacked"
      series={series}
      valueFormatter={(v) => formatMoney(v)}
      withLegend={false}
      aria-label={label}
    />
  );
}
