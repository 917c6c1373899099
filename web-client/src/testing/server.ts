import { setupServer } from "msw/node";
import { handlers } from "./handlers";
import { dashboardHandlers } from "./dashboard-handlers";
import { paymentsHandlers } from "./payments-handlers";
import { deliveryNotesHandlers } from "./delivery-notes-handlers";
import { projectsHandlers } from "./projects-handlers";

export const server = setupServer(...handlers, ...paymentsHandlers, ...dashboardHandlers, ...deliveryNotesHandlers, ...projectsHandlers);
