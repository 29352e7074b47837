import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { fakePdf } from "./fakePdfjs";

// jsdom cannot run pdf.js (no canvas, no worker): every test sees the stand-in at its boundary.
vi.mock("../playbook/pages/pdfjs", () => import("./fakePdfjs"));

afterEach(() => {
  cleanup();
  fakePdf.reset();
});
