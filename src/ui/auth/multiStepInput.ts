/**
 * One quick input that walks through several steps with a Back button, instead of a row of separate
 * boxes that each forget the others (the pattern of vscode-extension-samples' quickinput-sample).
 * Each step opens its own input box or quick pick, showing "step n of m" and, after the first step,
 * the Back button; the next input is shown before the previous one is disposed, so the widget never
 * flickers closed between steps.
 */
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepAnswer<T> = T | typeof BACK | undefined;

interface Common {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface BoxStep extends Common {
  readonly prompt: string;
  readonly value: string;
  readonly password?: boolean;
  /** A message of severity Error (or a plain string) blocks Enter; Warning and Info only inform. */
  readonly validate: (value: string) => string | vscode.InputBoxValidationMessage | undefined;
}

export interface PickStep<T extends vscode.QuickPickItem> extends Common {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T | undefined;
}

function blocks(message: string | vscode.InputBoxValidationMessage | undefined): boolean {
  return message !== undefined && (typeof message === 'string' || message.severity === vscode.InputBoxValidationSeverity.Error);
}

export class MultiStepInput implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  inputBox(step: BoxStep): Promise<StepAnswer<string>> {
    const box = vscode.window.createInputBox();
    this.prepare(box, step);
    box.prompt = step.prompt;
    box.value = step.value;
    box.password = step.password === true;
    box.validationMessage = step.value === '' ? undefined : step.validate(step.value);
    return this.wait<string>(box, (settle) => [
      box.onDidChangeValue((v) => (box.validationMessage = step.validate(v))),
      box.onDidAccept(() => {
        const message = step.validate(box.value);
        box.validationMessage = message;
        if (!blocks(message)) settle(box.value);
      }),
    ]);
  }

  quickPick<T extends vscode.QuickPickItem>(step: PickStep<T>): Promise<StepAnswer<T>> {
    const pick = vscode.window.createQuickPick<T>();
    this.prepare(pick, step);
    pick.placeholder = step.placeholder;
    pick.items = step.items;
    if (step.active) pick.activeItems = [step.active];
    return this.wait<T>(pick, (settle) => [
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) settle(chosen);
      }),
    ]);
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  private prepare(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, step: Common): void {
    input.title = step.title;
    input.step = step.step;
    input.totalSteps = step.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Shows `input`, then resolves with its value, BACK, or undefined when the user closed it. */
  private wait<T>(
    input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    listen: (settle: (value: T) => void) => vscode.Disposable[],
  ): Promise<StepAnswer<T>> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (answer: StepAnswer<T>): void => {
        if (done) return;
        done = true;
        for (const d of disposables) d.dispose();
        resolve(answer);
      };
      const disposables = [
        ...listen((value) => finish(value)),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish(BACK);
        }),
        input.onDidHide(() => finish(undefined)),
      ];
      const previous = this.current;
      this.current = input;
      input.show();
      previous?.dispose();
    });
  }
}
