import { describe, expect, it } from "vitest";
import { Scheduler } from "@/lib/upload-client/scheduler";

describe("Scheduler", () => {
  it("lets `limit` through at once and the rest in arrival order", async () => {
    const scheduler = new Scheduler(2);
    const order: string[] = [];
    await scheduler.acquire();
    await scheduler.acquire();
    const third = scheduler.acquire().then(() => order.push("third"));
    const fourth = scheduler.acquire().then(() => order.push("fourth"));
    await Promise.resolve();
    expect(order).toEqual([]);
    scheduler.release();
    await third;
    scheduler.release();
    await fourth;
    expect(order).toEqual(["third", "fourth"]);
  });

  it("drops a waiter whose signal aborts, without losing the slot", async () => {
    const scheduler = new Scheduler(1);
    await scheduler.acquire();
    const controller = new AbortController();
    const waiting = scheduler.acquire(controller.signal);
    controller.abort(new Error("paused"));
    await expect(waiting).rejects.toThrow("paused");
    scheduler.release();
    await expect(scheduler.acquire()).resolves.toBeUndefined();
  });
});
