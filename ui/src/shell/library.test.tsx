import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nexusFlow } from "../testing/fixtures";
import { backupAt, emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";

const DAILY = backupAt("2026-11-29T08:15:00Z", "daily", 3 * 1024 * 1024);
const BEFORE_UPDATE = backupAt("2026-11-20T17:02:00Z", "before_migration", 250 * 1024);

function backendWithBackups(): MemoryBackend {
  const backend = new MemoryBackend([nexusFlow()]);
  backend.backups = [DAILY, BEFORE_UPDATE];
  backend.backupContents.set(DAILY.path, [emptyWorkspace("Yesterday's plan")]);
  return backend;
}

describe("Settings: the library and its backups", () => {
  it("shows where the library lives and lists each backup with its date, kind and size", async () => {
    const backend = backendWithBackups();
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("open-settings"));

    const section = await screen.findByTestId("backups-section");
    expect(within(section).getByTestId("library-path")).toHaveTextContent(backend.libraryPath);
    expect(within(section).getByTestId("backups-folder")).toHaveTextContent("/app.throughline.desktop/backups");
    const rows = await within(section).findAllByTestId("backup-row");
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/2026-11-29 08:15 UTC.*Daily.*3\.0 MB/),
      expect.stringMatching(/2026-11-20 17:02 UTC.*Before an update.*250 KB/),
    ]);
  });

  it("backs up now and lists the new backup first", async () => {
    const backend = backendWithBackups();
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("open-settings"));
    await screen.findAllByTestId("backup-row");

    await user.click(screen.getByTestId("back-up-now"));

    await waitFor(() => expect(screen.getAllByTestId("backup-row")).toHaveLength(3));
    expect(screen.getAllByTestId("backup-row")[0]).toHaveTextContent("Made by you");
    expect(backend.calls.filter((c) => c.method === "backUpNow")).toHaveLength(1);
  });

  it("restores a backup only after a confirmation that says the current library is backed up first", async () => {
    const backend = backendWithBackups();
    const { user } = await renderApp(backend);
    await user.click(screen.getByTestId("open-settings"));
    const restore = () => backend.calls.filter((c) => c.method === "restoreBackup");

    await user.click((await screen.findAllByTestId("restore-backup"))[0]);
    const confirm = screen.getByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("taken 2026-11-29 08:15 UTC");
    expect(confirm).toHaveTextContent("The current library is backed up first and kept aside");
    await user.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(restore(), "cancelling restores nothing").toHaveLength(0);

    await user.click(screen.getAllByTestId("restore-backup")[0]);
    await user.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm"));

    await waitFor(() => expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Yesterday's plan"));
    expect(restore().map((c) => c.args)).toEqual([[DAILY.path]]);
    expect(backend.backups[0].kind, "the replaced library was backed up first").toBe("before_restore");
  });
});

describe("the recovery screen of a damaged library", () => {
  function damagedBackend(): MemoryBackend {
    const backend = backendWithBackups();
    backend.damage = {
      detail: "*** in database main *** Page 7: btreeInitPage() returns error code 11",
      newest_good_backup: DAILY,
      restore_command: `throughline restore ${DAILY.path}`,
    };
    backend.salvageable = [nexusFlow()];
    return backend;
  }

  it("says what happened and names the newest good backup and its date instead of the views", async () => {
    await renderApp(damagedBackend());

    const screenEl = await screen.findByTestId("recovery-screen");
    expect(screenEl).toHaveTextContent("Your library is damaged");
    expect(screenEl).toHaveTextContent("has changed nothing");
    expect(within(screenEl).getByTestId("newest-backup")).toHaveTextContent("taken 2026-11-29 08:15 UTC (daily)");
    expect(within(screenEl).getByTestId("damage-detail")).toHaveTextContent("btreeInitPage");
    expect(screen.queryByRole("alert"), "the screen replaces the error banner").not.toBeInTheDocument();
  });

  it("restores the newest good backup and opens the restored library", async () => {
    const backend = damagedBackend();
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("restore-newest"));

    await waitFor(() => expect(screen.queryByTestId("recovery-screen")).not.toBeInTheDocument());
    expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("Yesterday's plan");
    expect(backend.calls.filter((c) => c.method === "restoreBackup").map((c) => c.args)).toEqual([[DAILY.path]]);
  });

  it("salvages the readable workspaces into a new library and opens it", async () => {
    const backend = damagedBackend();
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("salvage"));

    await waitFor(() => expect(screen.queryByTestId("recovery-screen")).not.toBeInTheDocument());
    expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("NexusFlow: first 30 days");
  });

  it("after a salvage, says which workspaces were saved, which were not and why, and where the damaged file is", async () => {
    const backend = damagedBackend();
    backend.unsalvageable = [
      { name: "Board offsite", slug: "board-offsite", reason: "its elements table could not be read: database disk image is malformed" },
    ];
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("salvage"));

    const report = await screen.findByTestId("salvage-report");
    expect(within(report).getByTestId("salvage-summary")).toHaveTextContent(
      "1 workspace was copied into the new library; 1 could not be read.",
    );
    expect(within(report).getByTestId("salvage-saved")).toHaveTextContent("NexusFlow: first 30 days");
    expect(within(report).getByTestId("salvage-lost")).toHaveTextContent(
      "Board offsite (board-offsite): its elements table could not be read",
    );
    expect(within(report).getByTestId("salvage-kept")).toHaveTextContent(".replaced-2025-01-06");

    await user.click(within(report).getByRole("button", { name: "Close" }));
    expect(screen.queryByTestId("salvage-report")).not.toBeInTheDocument();
    expect(screen.getByTestId("workspace-switcher")).toHaveTextContent("NexusFlow: first 30 days");
  });

  it("offers salvage alone when no backup reads correctly", async () => {
    const backend = damagedBackend();
    backend.backups = [];
    if (backend.damage) backend.damage = { ...backend.damage, newest_good_backup: null, restore_command: null };
    await renderApp(backend);

    expect(await screen.findByTestId("no-backup")).toHaveTextContent("There is no backup of this library that reads correctly");
    expect(screen.queryByTestId("restore-newest")).not.toBeInTheDocument();
    expect(screen.getByTestId("salvage")).toBeEnabled();
  });
});
