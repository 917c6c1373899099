import { setupServer } from "msw/node";
import { handlers } from "./handlers";
import { dashboardHandlers } from "./dashboard-handlers";
import { paymentsHandlers } from "./payments-handlers";

export const server = setupServer(...handlers, ...paymentsHandlers, ...dashboardHandlers);
