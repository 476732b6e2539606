import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  versionInfo,
  versionLines
} from "./chunk-TWGOZ5LA.js";
import {
  DaemonRequiredError,
  DaemonRunningError,
  RepoExistsError,
  UsageError,
  describeError
} from "./chunk-I5H6SALM.js";
import {
  multiaddrToHostPort,
  multiaddrToUrl
} from "./chunk-6U35ICCQ.js";
import {
  API_FILENAME,
  DEFAULT_DAEMON_PROBE_TIMEOUT_MS,
  DEFAULT_PROGRESS_REDRAW_INTERVAL_MS,
  DEFAULT_REPO_DIRNAME,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_STDIN_BYTES_MAX,
  EXIT_OK,
  EXIT_USAGE,
  GATEWAY_FILENAME
} from "./chunk-H35UP2PX.js";
import {
  CairnError,
  InvalidCidError,
  InvalidParametersError,
  InvalidPathError,
  RepoLockedError,
  RepoNotInitializedError,
  TimeoutError,
  hasCode,
  parseDuration
} from "./chunk-UVAGLUXE.js";
import "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/error.js
var CommanderError = class extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = void 0;
  }
};
var InvalidArgumentError = class extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, "commander.invalidArgument", message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
};

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/argument.js
var Argument = class {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */
  constructor(name, description) {
    this.description = description || "";
    this.variadic = false;
    this.parseArg = void 0;
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.argChoices = void 0;
    switch (name[0]) {
      case "<":
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case "[":
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }
    if (this._name.endsWith("...")) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }
  /**
   * Return argument name.
   *
   * @return {string}
   */
  name() {
    return this._name;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }
  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
};
function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
  return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
}

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/command.js
import { EventEmitter } from "node:events";
import childProcess from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import process from "node:process";
import { stripVTControlCharacters as stripVTControlCharacters2 } from "node:util";

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/help.js
import { stripVTControlCharacters } from "node:util";
var Help = class {
  constructor() {
    this.helpWidth = void 0;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }
  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }
  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */
  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }
  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }
  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption);
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }
  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];
    const globalOptions = [];
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }
  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */
  visibleArguments(cmd) {
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
      });
    }
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }
  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandTerm(cmd) {
    const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
    return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
    (args ? " " + args : "");
  }
  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */
  optionTerm(option) {
    return option.flags;
  }
  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */
  argumentTerm(argument) {
    return argument.name();
  }
  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command))
        )
      );
    }, 0);
  }
  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument))
        )
      );
    }, 0);
  }
  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandUsage(cmd) {
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + "|" + cmd._aliases[0];
    }
    let ancestorCmdNames = "";
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + " " + cmd.usage();
  }
  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandDescription(cmd) {
    return cmd.description();
  }
  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandDescription(cmd) {
    return cmd.summary() || cmd.description();
  }
  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */
  optionDescription(option) {
    const extraInfo = [];
    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (option.defaultValue !== void 0) {
      const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
        );
      }
    }
    if (option.presetArg !== void 0 && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== void 0) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return option.description;
  }
  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */
  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (argument.defaultValue !== void 0) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }
  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];
    return [helper.styleTitle(heading), ...items, ""];
  }
  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = /* @__PURE__ */ new Map();
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }
  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */
  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80;
    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }
    let output = [
      `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      ""
    ];
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth
        ),
        ""
      ]);
    }
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument))
      );
    });
    output = output.concat(
      this.formatItemList("Arguments:", argumentList, helper)
    );
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? "Options:"
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });
    if (helper.showGlobalOptions) {
      const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(
        this.formatItemList("Global Options:", globalOptionList, helper)
      );
    }
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || "Commands:"
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub))
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });
    return output.join("\n");
  }
  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripVTControlCharacters(str).length;
  }
  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }
  styleUsage(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word === "[command]") return this.styleSubcommandText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleCommandText(word);
    }).join(" ");
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleSubcommandText(word);
    }).join(" ");
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }
  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper)
    );
  }
  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }
  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = " ".repeat(itemIndent);
    if (!description) return itemIndentStr + term;
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term)
    );
    const spacerWidth = 2;
    const helpWidth = this.helpWidth ?? 80;
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        "\n" + " ".repeat(termWidth + spacerWidth)
      );
    }
    return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
  }
  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;
    const rawLines = str.split(/\r\n|\n/);
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push("");
        return;
      }
      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(""));
        const nextChunk = chunk.trimStart();
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(""));
    });
    return wrappedLines.join("\n");
  }
};

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/option.js
var Option = class {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */
  constructor(flags, description) {
    this.flags = flags;
    this.description = description || "";
    this.required = flags.includes("<");
    this.optional = flags.includes("[");
    this.variadic = new RegExp("\\p{ID_Continue}\\.\\.\\.[>\\]]$", "u").test(flags);
    this.mandatory = false;
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag;
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith("--no-");
    }
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.presetArg = void 0;
    this.envVar = void 0;
    this.parseArg = void 0;
    this.hidden = false;
    this.argChoices = void 0;
    this.conflictsWith = [];
    this.implied = void 0;
    this.helpGroupHeading = void 0;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */
  preset(arg) {
    this.presetArg = arg;
    return this;
  }
  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */
  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }
  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === "string") {
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }
  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */
  env(name) {
    this.envVar = name;
    return this;
  }
  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */
  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }
  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */
  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Return option name.
   *
   * @return {string}
   */
  name() {
    if (this.long) {
      return this.long.replace(/^--/, "");
    }
    return this.short.replace(/^-/, "");
  }
  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */
  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ""));
    }
    return camelcase(this.name());
  }
  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }
  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */
  is(arg) {
    return this.short === arg || this.long === arg;
  }
  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */
  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
};
var DualOptions = class {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = /* @__PURE__ */ new Map();
    this.negativeOptions = /* @__PURE__ */ new Map();
    this.dualOptions = /* @__PURE__ */ new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }
  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== void 0 ? preset : false;
    return option.negate === (negativeValue === value);
  }
};
function camelcase(str) {
  return str.split("-").reduce((str2, word) => {
    return str2 + word[0].toUpperCase() + word.slice(1);
  });
}
function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  const shortFlagExp = /^-[^-]$/;
  const longFlagExp = /^--[^-]/;
  const flagParts = flags.split(/[ |,]+/).concat("guard");
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }
  if (flagParts[0].startsWith("-")) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);
    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === void 0 && longFlag === void 0)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`
    );
  return { shortFlag, longFlag };
}

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/suggestSimilar.js
var maxDistance = 3;
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);
  const d = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        // deletion
        d[i][j - 1] + 1,
        // insertion
        d[i - 1][j - 1] + cost
        // substitution
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return "";
  candidates = Array.from(new Set(candidates));
  const searchingOptions = word.startsWith("--");
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }
  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return;
    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });
  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }
  if (similar.length > 1) {
    return `
(Did you mean one of ${similar.join(", ")}?)`;
  }
  if (similar.length === 1) {
    return `
(Did you mean ${similar[0]}?)`;
  }
  return "";
}

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/lib/command.js
var Command = class _Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */
  constructor(name) {
    super();
    this.commands = [];
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    this.registeredArguments = [];
    this._args = this.registeredArguments;
    this.args = [];
    this.rawArgs = [];
    this.processedArgs = [];
    this._scriptPath = null;
    this._name = name || "";
    this._optionValues = {};
    this._optionValueSources = {};
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null;
    this._executableDir = null;
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = "";
    this._summary = "";
    this._argsDescription = void 0;
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {};
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null;
    this._outputConfiguration = {
      writeOut: (str) => process.stdout.write(str),
      writeErr: (str) => process.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () => process.stdout.isTTY ? process.stdout.columns : void 0,
      getErrHelpWidth: () => process.stderr.isTTY ? process.stderr.columns : void 0,
      getOutHasColors: () => useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
      getErrHasColors: () => useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
      stripColor: (str) => stripVTControlCharacters2(str)
    };
    this._hidden = false;
    this._helpOption = void 0;
    this._addImplicitHelpCommand = void 0;
    this._helpCommand = void 0;
    this._helpConfiguration = {};
    this._helpGroupHeading = void 0;
    this._defaultCommandGroup = void 0;
    this._defaultOptionGroup = void 0;
  }
  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
    return this;
  }
  /**
   * @returns {Command[]}
   * @private
   */
  _getCommandAndAncestors() {
    const result = [];
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }
  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */
  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === "object" && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden);
    cmd._executableFile = opts.executableFile || null;
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);
    if (desc) return this;
    return cmd;
  }
  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */
  createCommand(name) {
    return new _Command(name);
  }
  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */
  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }
  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureHelp(configuration) {
    if (configuration === void 0) return this._helpConfiguration;
    this._helpConfiguration = configuration;
    return this;
  }
  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureOutput(configuration) {
    if (configuration === void 0) return this._outputConfiguration;
    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration
    };
    return this;
  }
  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }
  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }
  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */
  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }
    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true;
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();
    return this;
  }
  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */
  createArgument(name, description) {
    return new Argument(name, description);
  }
  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === "function") {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }
  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */
  arguments(names) {
    names.trim().split(/ +/).forEach((detail) => {
      this.argument(detail);
    });
    return this;
  }
  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`
      );
    }
    if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }
  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */
  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === "boolean") {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }
    const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? "display help for command";
    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    if (typeof helpCommand !== "object") {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
    if (hasImplicitHelpCommand) {
      if (this._helpCommand === void 0) {
        this.helpCommand(void 0, void 0);
      }
      return this._helpCommand;
    }
    return null;
  }
  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */
  hook(event, listener) {
    const allowedValues = ["preSubcommand", "preAction", "postAction"];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }
  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */
  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== "commander.executeSubCommandAsync") {
          throw err;
        } else {
        }
      };
    }
    return this;
  }
  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */
  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
    }
    process.exit(exitCode);
  }
  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */
  action(fn) {
    const listener = (args) => {
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this;
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);
      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }
  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */
  createOption(flags, description) {
    return new Option(flags, description);
  }
  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */
  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === "commander.invalidArgument") {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }
  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */
  _registerOption(option) {
    const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
    if (matchingOption) {
      const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }
    this._initOptionGroup(option);
    this.options.push(option);
  }
  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */
  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };
    const alreadyUsed = knownBy(command).find(
      (name) => this._findCommand(name)
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
      const newCmd = knownBy(command).join("|");
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`
      );
    }
    this._initCommandGroup(command);
    this.commands.push(command);
  }
  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);
    const oname = option.name();
    const name = option.attributeName();
    if (option.defaultValue !== void 0) {
      this.setOptionValueWithSource(name, option.defaultValue, "default");
    }
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      if (val == null && option.presetArg !== void 0) {
        val = option.presetArg;
      }
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = "";
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };
    this.on("option:" + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, "cli");
    });
    if (option.envVar) {
      this.on("optionEnv:" + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, "env");
      });
    }
    return this;
  }
  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === "object" && flags instanceof Option) {
      throw new Error(
        "To add an Option object use addOption() instead of option() or requiredOption()"
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === "function") {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }
    return this.addOption(option);
  }
  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }
  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue
    );
  }
  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }
  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }
  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }
  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }
  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }
  /**
   * @private
   */
  _checkForBrokenPassThrough() {
    if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
      );
    }
  }
  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */
  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error("call .storeOptionsAsProperties() before adding options");
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        "call .storeOptionsAsProperties() before setting option values"
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }
  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */
  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }
  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */
  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, void 0);
  }
  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */
  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }
  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }
  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSourceWithGlobals(key) {
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (Object.hasOwn(cmd._optionValueSources, key)) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }
  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */
  _prepareUserArgs(argv, parseOptions) {
    if (argv !== void 0 && !Array.isArray(argv)) {
      throw new Error("first parameter to parse must be array or undefined");
    }
    parseOptions = parseOptions || {};
    if (argv === void 0 && parseOptions.from === void 0) {
      if (process.versions?.electron) {
        parseOptions.from = "electron";
      }
      const execArgv = process.execArgv ?? [];
      if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
        parseOptions.from = "eval";
      }
    }
    if (argv === void 0) {
      argv = process.argv;
    }
    this.rawArgs = argv.slice();
    let userArgs;
    switch (parseOptions.from) {
      case void 0:
      case "node":
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case "electron":
        if (process.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case "user":
        userArgs = argv.slice(0);
        break;
      case "eval":
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`
        );
    }
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || "program";
    return userArgs;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */
  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);
    return this;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */
  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);
    return this;
  }
  _prepareForParse() {
    if (this._savedState === null) {
      this.options.filter(
        (option) => option.negate && option.defaultValue === void 0 && this.getOptionValue(option.attributeName()) === void 0
      ).forEach((option) => {
        const positiveLongFlag = option.long.replace(/^--no-/, "--");
        if (!this._findOption(positiveLongFlag)) {
          this.setOptionValueWithSource(
            option.attributeName(),
            true,
            "default"
          );
        }
      });
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }
  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources }
    };
  }
  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    this.args = [];
    this.processedArgs = [];
  }
  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;
    const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }
  /**
   * Execute a sub-command executable.
   *
   * @private
   */
  _executeSubCommand(subcommand, args) {
    args = args.slice();
    const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
    function findFile(baseDir, baseName) {
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;
      if (sourceExt.includes(path.extname(baseName))) return void 0;
      const foundExt = sourceExt.find(
        (ext) => fs.existsSync(`${localBin}${ext}`)
      );
      if (foundExt) return `${localBin}${foundExt}`;
      return void 0;
    }
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || "";
    if (this._scriptPath) {
      let resolvedScriptPath;
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir
      );
    }
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath)
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`
          );
        }
      }
      executableFile = localFile || executableFile;
    }
    const launchWithNode = sourceExt.includes(path.extname(executableFile));
    let proc;
    if (process.platform !== "win32") {
      if (launchWithNode) {
        args.unshift(executableFile);
        args = incrementNodeInspectorPort(process.execArgv).concat(args);
        proc = childProcess.spawn(process.argv[0], args, { stdio: "inherit" });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name
      );
      args.unshift(executableFile);
      args = incrementNodeInspectorPort(process.execArgv).concat(args);
      proc = childProcess.spawn(process.execPath, args, { stdio: "inherit" });
    }
    if (!proc.killed) {
      const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
      signals.forEach((signal) => {
        process.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            proc.kill(signal);
          }
        });
      });
    }
    const exitCallback = this._exitCallback;
    proc.on("close", (code) => {
      code = code ?? 1;
      if (!exitCallback) {
        process.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            "commander.executeSubCommandAsync",
            "(close)"
          )
        );
      }
    });
    proc.on("error", (err) => {
      if (err.code === "ENOENT") {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name
        );
      } else if (err.code === "EACCES") {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          "commander.executeSubCommandAsync",
          "(error)"
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });
    this.runningCommand = proc;
  }
  /**
   * @private
   */
  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });
    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      "preSubcommand"
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }
  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */
  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
    );
  }
  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */
  _checkNumberOfArguments() {
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }
  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */
  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage
        );
      }
      return parsedValue;
    };
    this._checkNumberOfArguments();
    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === void 0) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }
  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCall(promise, fn) {
    if (promise?.then && typeof promise.then === "function") {
      return promise.then(() => fn());
    }
    return fn();
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
      hookedCommand._lifeCycleHooks[event].forEach((callback) => {
        hooks.push({ hookedCommand, callback });
      });
    });
    if (event === "postAction") {
      hooks.reverse();
    }
    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== void 0) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }
  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */
  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv();
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);
    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown);
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown
      );
    }
    if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
      this.help({ error: true });
    }
    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };
    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();
      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
      promiseChain = this._chainOrCall(
        promiseChain,
        () => this._actionHandler(this.processedArgs)
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown);
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown);
    } else if (operands.length) {
      if (this._findCommand("*")) {
        return this._dispatchSubcommand("*", operands, unknown);
      }
      if (this.listenerCount("command:*")) {
        this.emit("command:*", operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
    }
  }
  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return void 0;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name)
    );
  }
  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */
  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }
  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForMissingMandatoryOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }
  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === void 0) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== "default";
    });
    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0
    );
    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find(
        (defined) => option.conflictsWith.includes(defined.attributeName())
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }
  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }
  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */
  parseOptions(args) {
    const operands = [];
    const unknown = [];
    let dest = operands;
    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === "-";
    }
    const negativeNumberArg = (arg) => {
      if (!/^-(\d+|\d*\.\d+)([eE][+-]?\d+)?$/.test(arg)) return false;
      return !this._getCommandAndAncestors().some(
        (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
      );
    };
    let activeVariadicOption = null;
    let activeGroup = null;
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;
      if (arg === "--") {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }
      if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;
      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === void 0) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }
      if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (option.required || option.optional && this._combineFlagAndOptionalValue) {
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            this.emit(`option:${option.name()}`);
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf("=");
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }
      if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
        dest = unknown;
      }
      if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }
      dest.push(arg);
    }
    return { operands, unknown };
  }
  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      const result = {};
      const len = this.options.length;
      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] = key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }
    return this._optionValues;
  }
  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {}
    );
  }
  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    this._outputConfiguration.outputError(
      `${message}
`,
      this._outputConfiguration.writeErr
    );
    if (typeof this._showHelpAfterError === "string") {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr("\n");
      this.outputHelp({ error: true });
    }
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || "commander.error";
    this._exit(exitCode, code, message);
  }
  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process.env) {
        const optionKey = option.attributeName();
        if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
          this.getOptionValueSource(optionKey)
        )) {
          if (option.required || option.optional) {
            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
          } else {
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }
  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
    };
    this.options.filter(
      (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
        this.getOptionValue(option.attributeName()),
        option
      )
    ).forEach((option) => {
      Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
        this.setOptionValueWithSource(
          impliedKey,
          option.implied[impliedKey],
          "implied"
        );
      });
    });
  }
  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */
  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: "commander.missingArgument" });
  }
  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */
  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: "commander.optionMissingArgument" });
  }
  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */
  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: "commander.missingMandatoryOptionValue" });
  }
  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    const findBestOptionFromValue = (option2) => {
      const optionKey = option2.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName()
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName()
      );
      if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
        return negativeOption;
      }
      return positiveOption || option2;
    };
    const getErrorMessage = (option2) => {
      const bestOption = findBestOptionFromValue(option2);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === "env") {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };
    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: "commander.conflictingOption" });
  }
  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */
  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = "";
    if (flag.startsWith("--") && this._showSuggestionAfterError) {
      let candidateFlags = [];
      let command = this;
      do {
        const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }
    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: "commander.unknownOption" });
  }
  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */
  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    const s = expected === 1 ? "" : "s";
    const received = receivedArgs.length;
    const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
    const details = receivedArgs.join(", ");
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${received}: ${details}.`;
    this.error(message, { code: "commander.excessArguments" });
  }
  /**
   * Unknown command.
   *
   * @private
   */
  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = "";
    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp().visibleCommands(this).forEach((command) => {
        candidateNames.push(command.name());
        if (command.alias()) candidateNames.push(command.alias());
      });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }
    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: "commander.unknownCommand" });
  }
  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */
  version(str, flags, description) {
    if (str === void 0) return this._version;
    this._version = str;
    flags = flags || "-V, --version";
    description = description || "output the version number";
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);
    this.on("option:" + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}
`);
      this._exit(0, "commander.version", str);
    });
    return this;
  }
  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === void 0 && argsDescription === void 0)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }
  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === void 0) return this._summary;
    this._summary = str;
    return this;
  }
  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */
  alias(alias) {
    if (alias === void 0) return this._aliases[0];
    let command = this;
    if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
      command = this.commands[this.commands.length - 1];
    }
    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
      );
    }
    command._aliases.push(alias);
    return this;
  }
  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */
  aliases(aliases) {
    if (aliases === void 0) return this._aliases;
    aliases.forEach((alias) => this.alias(alias));
    return this;
  }
  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  usage(str) {
    if (str === void 0) {
      if (this._usage) return this._usage;
      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return [].concat(
        this.options.length || this._helpOption !== null ? "[options]" : [],
        this.commands.length ? "[command]" : [],
        this.registeredArguments.length ? args : []
      ).join(" ");
    }
    this._usage = str;
    return this;
  }
  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  name(str) {
    if (str === void 0) return this._name;
    this._name = str;
    return this;
  }
  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */
  helpGroup(heading) {
    if (heading === void 0) return this._helpGroupHeading ?? "";
    this._helpGroupHeading = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:');
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === void 0) return this._defaultCommandGroup ?? "";
    this._defaultCommandGroup = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === void 0) return this._defaultOptionGroup ?? "";
    this._defaultOptionGroup = heading;
    return this;
  }
  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }
  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }
  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or import.meta.filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(import.meta.filename);
   *
   * @param {string} filename
   * @return {Command}
   */
  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));
    return this;
  }
  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(import.meta.dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */
  executableDir(path2) {
    if (path2 === void 0) return this._executableDir;
    this._executableDir = path2;
    return this;
  }
  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */
  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }
  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */
  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }
  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === "function") {
      deprecatedCallback = contextOptions;
      contextOptions = void 0;
    }
    const outputContext = this._getOutputContext(contextOptions);
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this
    };
    this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
    this.emit("beforeHelp", eventContext);
    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
        throw new Error("outputHelp callback must return a string or a Buffer");
      }
    }
    outputContext.write(helpInformation);
    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long);
    }
    this.emit("afterHelp", eventContext);
    this._getCommandAndAncestors().forEach(
      (command) => command.emit("afterAllHelp", eventContext)
    );
  }
  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help', 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */
  helpOption(flags, description) {
    if (typeof flags === "boolean") {
      if (flags) {
        if (this._helpOption === null) this._helpOption = void 0;
        if (this._defaultOptionGroup) {
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null;
      }
      return this;
    }
    this._helpOption = this.createOption(
      flags ?? "-h, --help",
      description ?? "display help for command"
    );
    if (flags || description) this._initOptionGroup(this._helpOption);
    return this;
  }
  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    if (this._helpOption === void 0) {
      this.helpOption(void 0, void 0);
    }
    return this._helpOption;
  }
  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }
  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process.exitCode ?? 0);
    if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
      exitCode = 1;
    }
    this._exit(exitCode, "commander.help", "(outputHelp)");
  }
  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */
  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */
  addHelpText(position, text) {
    const allowedValues = ["beforeAll", "before", "after", "afterAll"];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    const helpEvent = `${position}Help`;
    this.on(helpEvent, (context) => {
      let helpStr;
      if (typeof text === "function") {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      if (helpStr) {
        context.write(`${helpStr}
`);
      }
    });
    return this;
  }
  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */
  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      this._exit(0, "commander.helpDisplayed", "(outputHelp)");
    }
  }
};
function incrementNodeInspectorPort(args) {
  return args.map((arg) => {
    if (!arg.startsWith("--inspect")) {
      return arg;
    }
    let debugOption;
    let debugHost = "127.0.0.1";
    let debugPort = "9229";
    let match;
    if ((match = arg.match(/^(--inspect(-brk|-wait)?)$/)) !== null) {
      debugOption = match[1];
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+)$/
    )) !== null) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        debugPort = match[3];
      } else {
        debugHost = match[3];
      }
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+):(\d+)$/
    )) !== null) {
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }
    if (debugOption && debugPort !== "0") {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}
function useColor() {
  if (process.env.NO_COLOR || process.env.FORCE_COLOR === "0" || process.env.FORCE_COLOR === "false")
    return false;
  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== void 0)
    return true;
  return void 0;
}

// ../../node_modules/.pnpm/commander@15.1.0/node_modules/commander/index.js
var program = new Command();

// ../../apps/cli/dist/src/config.js
import { join } from "node:path";
var PNPM_SCRIPTS = /* @__PURE__ */ new Set(["cairn", "start"]);
var COMMAND_OWNED_FLAGS = {
  daemon: ["--api", "--offline"]
};
function parseConfig(env, argv) {
  const home = env.HOME ?? env.USERPROFILE ?? ".";
  const config = {
    repoPath: env.CAIRN_PATH != null && env.CAIRN_PATH !== "" ? env.CAIRN_PATH : join(home, DEFAULT_REPO_DIRNAME),
    debug: false,
    enc: "text",
    offline: false,
    args: []
  };
  if (env.CAIRN_API != null && env.CAIRN_API !== "")
    config.api = env.CAIRN_API;
  if (PNPM_SCRIPTS.has(env.npm_lifecycle_event ?? "") && env.INIT_CWD != null && env.INIT_CWD !== "")
    config.cwd = env.INIT_CWD;
  const command = findCommand(argv);
  const owned = new Set(COMMAND_OWNED_FLAGS[command ?? ""] ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      config.args.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = () => {
      if (eq > 0 && arg.startsWith("--"))
        return arg.slice(eq + 1);
      const value = argv[++i];
      if (value == null)
        throw new InvalidParametersError(`option '${name}' argument missing`);
      return value;
    };
    if (owned.has(name)) {
      config.args.push(normaliseBoolean(arg));
      continue;
    }
    switch (name) {
      case "-D":
      case "--debug":
        config.debug = readBoolean(name, eq > 0 ? arg.slice(eq + 1) : void 0);
        break;
      case "--offline":
        config.offline = readBoolean(name, eq > 0 ? arg.slice(eq + 1) : void 0);
        break;
      case "--enc":
      case "--encoding": {
        const enc = takeValue();
        if (enc !== "text" && enc !== "json")
          throw new InvalidParametersError(`unsupported encoding '${enc}': use text or json`);
        config.enc = enc;
        break;
      }
      case "--repo-dir":
        config.repoPath = takeValue();
        break;
      case "--api":
        config.api = takeValue();
        break;
      case "--timeout":
        config.timeoutMs = parseDuration(takeValue());
        break;
      default:
        config.args.push(normaliseBoolean(arg));
    }
  }
  return config;
}
var GLOBAL_VALUE_FLAGS = /* @__PURE__ */ new Set(["--enc", "--encoding", "--repo-dir", "--api", "--timeout"]);
function findCommand(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--")
      return void 0;
    if (GLOBAL_VALUE_FLAGS.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith("-"))
      return arg;
  }
  return void 0;
}
function readBoolean(name, value) {
  if (value == null || value === "true")
    return true;
  if (value === "false")
    return false;
  throw new InvalidParametersError(`option '${name}' takes true or false, not '${value}'`);
}
function normaliseBoolean(arg) {
  const m = /^--([a-z][a-z0-9-]*)=(true|false)$/.exec(arg);
  if (m == null)
    return arg;
  return m[2] === "true" ? `--${m[1]}` : `--no-${m[1]}`;
}

// ../../apps/cli/dist/src/connect.js
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";
async function readApiFile(repoPath) {
  try {
    const text = (await readFile(join2(repoPath, API_FILENAME), "utf8")).trim();
    return text === "" ? void 0 : text;
  } catch (err) {
    if (err.code === "ENOENT")
      return void 0;
    throw err;
  }
}
async function openApi(config, loadBackend, options = {}) {
  const address = config.api ?? (config.offline ? void 0 : await readApiFile(config.repoPath));
  if (address != null) {
    const { createRpcApi } = await import("./client-53LUPO3L.js");
    const api = createRpcApi({ address });
    return { api, daemon: true, close: async () => {
      await api.close();
    } };
  }
  if (options.online === true) {
    throw new DaemonRequiredError("this command must be run in online mode. Try running 'cairn daemon' first");
  }
  const backend = await loadBackend();
  let initialized = false;
  if (!await backend.isRepoInitialized(config.repoPath)) {
    if (options.initIfMissing !== true)
      throw new RepoNotInitializedError();
    await backend.initRepo(config.repoPath, { profile: "default" });
    initialized = true;
  }
  const node = await backend.openOffline(config.repoPath);
  return { api: node, daemon: false, initialized, close: async () => {
    await node.stop();
  } };
}

// ../../apps/cli/dist/src/print.js
import { createRequire } from "node:module";

// ../../apps/cli/dist/src/format.js
var IEC_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
var SI_UNITS = ["B", "kB", "MB", "GB", "TB", "PB"];
function formatBytes(n) {
  return scale(n, 1024, IEC_UNITS);
}
function formatSiBytes(n) {
  if (n < 10)
    return `${Math.round(n)} B`;
  const e = Math.min(Math.floor(Math.log10(n) / 3), SI_UNITS.length - 1);
  const v = n / 1e3 ** e;
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${SI_UNITS[e]}`;
}
function scale(n, base, units) {
  let i = 0;
  let v = n;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  return i === 0 ? `${v} ${units[0]}` : `${v.toFixed(2)} ${units[i]}`;
}
function tabulate(rows) {
  const widths = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1)
        widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => row.map((cell, i) => i < row.length - 1 ? cell.padEnd(widths[i] + 1) : cell).join(""));
}
function formatAdded(result, quietness) {
  if (quietness !== "normal")
    return result.cid.toString();
  return `added ${result.cid.toString()} ${result.path}`.trimEnd();
}
function addedJson(result) {
  return { Name: result.path, Hash: result.cid.toString(), Size: String(result.size) };
}
function formatLs(entries, options = {}) {
  const withSize = options.size ?? true;
  const rows = entries.map((e) => {
    const isDir = e.type === "directory";
    const name = isDir ? `${e.name}/` : e.name;
    return withSize ? [e.cid.toString(), isDir ? "-" : String(e.size), name] : [e.cid.toString(), name];
  });
  if (options.headers === true)
    rows.unshift(withSize ? ["Hash", "Size", "Name"] : ["Hash", "Name"]);
  return tabulate(rows);
}
var UNIXFS_TYPE_NUMBERS = { raw: 0, directory: 1, file: 2, symlink: 4, object: 2 };
function lsJson(path2, entries) {
  return {
    Objects: [{
      Hash: path2,
      Links: entries.map((e) => ({ Name: e.name, Hash: e.cid.toString(), Size: e.size, Type: UNIXFS_TYPE_NUMBERS[e.type] ?? 2, Target: "" }))
    }]
  };
}
function formatPin(entry, quiet) {
  if (quiet)
    return entry.cid.toString();
  const type = entry.type === "indirect" && entry.via != null ? `indirect through ${entry.via.toString()}` : entry.type;
  return `${entry.cid.toString()} ${type}`;
}
function formatRepoStat(stats, options = {}) {
  const size = (n) => options.human === true ? formatBytes(n) : String(n);
  const rows = [["NumObjects:", String(stats.numObjects)], ["RepoSize:", size(stats.repoSize)], ["StorageMax:", size(stats.storageMax)], ["RepoPath:", stats.repoPath], ["Version:", stats.version]];
  return tabulate(options.sizeOnly === true ? [rows[1], rows[2]] : rows);
}
function repoStatJson(stats) {
  return { RepoSize: stats.repoSize, StorageMax: stats.storageMax, NumObjects: stats.numObjects, RepoPath: stats.repoPath, Version: stats.version };
}
function formatBandwidth(bw) {
  return [
    "Bandwidth",
    `TotalIn: ${formatSiBytes(Number(bw.totalIn))}`,
    `TotalOut: ${formatSiBytes(Number(bw.totalOut))}`,
    `RateIn: ${formatSiBytes(bw.rateIn)}/s`,
    `RateOut: ${formatSiBytes(bw.rateOut)}/s`
  ];
}
function bandwidthJson(bw) {
  return { TotalIn: bw.totalIn, TotalOut: bw.totalOut, RateIn: bw.rateIn, RateOut: bw.rateOut };
}
function formatConfigValue(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}
function parseConfigValue(raw, options) {
  if (options.bool === true) {
    if (raw !== "true" && raw !== "false")
      throw new SyntaxError(`'${raw}' is not a boolean: use true or false`);
    return raw === "true";
  }
  if (options.json === true)
    return JSON.parse(raw);
  return raw;
}
function formatDagStat(stat) {
  return [
    ...tabulate([["CID", "Blocks", "Size"], [stat.cid.toString(), String(stat.numBlocks), String(stat.size)]]),
    "",
    "Summary",
    `Total Size: ${stat.size}`,
    `Unique Blocks: ${stat.numBlocks}`,
    "Shared Size: 0",
    "Ratio: 1.000000"
  ];
}
function dagStatJson(stat) {
  return {
    UniqueBlocks: stat.numBlocks,
    TotalSize: stat.size,
    SharedSize: 0,
    Ratio: 1,
    DagStats: [{ Cid: { "/": stat.cid.toString() }, Size: stat.size, NumBlocks: stat.numBlocks }]
  };
}

// ../../apps/cli/dist/src/print.js
var noProgress = { update() {
}, stop() {
} };
function toJson(value, indent) {
  return JSON.stringify(value, (_key, v) => typeof v === "bigint" ? Number(v) : v, indent);
}
function createPrinter(init) {
  const { stdout, stderr } = init;
  let bar;
  let statusShown = false;
  const aroundBar = (fn) => {
    if (bar == null) {
      fn();
      return;
    }
    bar.bar.stop();
    fn();
    bar.bar.start(bar.total, bar.value, { done: formatBytes(bar.value), all: formatBytes(bar.total) });
  };
  const waitDrain = async (stream) => {
    if (stream.writableNeedDrain !== true)
      return;
    await new Promise((resolve5) => {
      stream.once("drain", resolve5);
      stream.once("close", resolve5);
      stream.once("error", resolve5);
    });
  };
  return {
    enc: init.enc ?? "text",
    line(text) {
      aroundBar(() => {
        stdout.write(text + "\n");
      });
    },
    json(value) {
      aroundBar(() => {
        stdout.write(toJson(value) + "\n");
      });
    },
    jsonIndented(value) {
      stdout.write(toJson(value, "	") + "\n");
    },
    async bytes(chunk) {
      if (!stdout.write(chunk))
        await waitDrain(stdout);
    },
    notice(text) {
      aroundBar(() => {
        stderr.write(text + "\n");
      });
    },
    status(text) {
      if (stderr.isTTY !== true)
        return;
      statusShown = true;
      stderr.write(`\r\x1B[2K${text}`);
    },
    endStatus() {
      if (!statusShown)
        return;
      statusShown = false;
      stderr.write("\n");
    },
    text(text, to = "stdout") {
      aroundBar(() => {
        (to === "stdout" ? stdout : stderr).write(text);
      });
    },
    progress(total, enabled = true) {
      if (!enabled || stderr.isTTY !== true)
        return noProgress;
      const { SingleBar } = createRequire(import.meta.url)("cli-progress");
      const current = new SingleBar({
        stream: stderr,
        format: " {done} / {all} [{bar}] {percentage}%",
        barCompleteChar: "=",
        barIncompleteChar: " ",
        hideCursor: true,
        clearOnComplete: true,
        fps: 1e3 / DEFAULT_PROGRESS_REDRAW_INTERVAL_MS
      });
      current.start(total, 0, { done: formatBytes(0), all: formatBytes(total) });
      const state = { bar: current, total, value: 0 };
      bar = state;
      return {
        update(value) {
          state.value = value;
          current.update(value, { done: formatBytes(value) });
        },
        stop() {
          current.stop();
          if (bar === state)
            bar = void 0;
        }
      };
    },
    async flush() {
      for (const stream of [stdout, stderr]) {
        if (stream.destroyed === true)
          continue;
        await new Promise((resolve5) => {
          stream.write("", () => {
            resolve5();
          });
        });
      }
    }
  };
}

// ../../apps/cli/dist/src/commands/block.js
import { readFile as readFile2 } from "node:fs/promises";
import { resolve } from "node:path";

// ../../apps/cli/dist/src/commands/parse.js
import { createRequire as createRequire2 } from "node:module";
function parseInteger(value) {
  if (!/^\d+$/.test(value))
    throw new UsageError(`'${value}' is not a non-negative integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new UsageError(`'${value}' is too large`);
  return n;
}
var cidCodecs;
function codecs() {
  if (cidCodecs != null)
    return cidCodecs;
  const require2 = createRequire2(import.meta.url);
  const { base32 } = require2("multiformats/bases/base32");
  const { base36 } = require2("multiformats/bases/base36");
  const { base58btc } = require2("multiformats/bases/base58");
  const { CID } = require2("multiformats/cid");
  cidCodecs = { CID, decoders: base32.decoder.or(base36.decoder).or(base58btc.decoder) };
  return cidCodecs;
}
function isCid(text) {
  const { CID, decoders: CID_DECODERS } = codecs();
  try {
    if (text.startsWith("Qm"))
      CID.parse(text);
    else
      CID.parse(text, CID_DECODERS);
    return true;
  } catch {
    return false;
  }
}
function parseCidArg(value) {
  const bare = value.startsWith("/ipfs/") ? value.slice("/ipfs/".length) : value;
  if (!isCid(bare))
    throw new InvalidCidError(`invalid CID "${value}": not a CID in base32, base36 or base58btc`);
  return bare;
}
function parsePathArg(value) {
  const trimmed = value.startsWith("/ipfs/") ? value.slice("/ipfs/".length) : value.replace(/^\/+/, "");
  const head = trimmed.split("/")[0];
  if (!isCid(head))
    throw new InvalidPathError(`invalid path "${value}": "${head}" is not a CID`);
  return value;
}
function parseCidList(value, previous = []) {
  return [...previous, parseCidArg(value)];
}

// ../../apps/cli/dist/src/commands/stdin.js
async function readAll(stdin, max = DEFAULT_STDIN_BYTES_MAX) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.byteLength;
    if (total > max)
      throw new InvalidParametersError(`input larger than ${max} bytes`);
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

// ../../apps/cli/dist/src/commands/block.js
function registerBlock(program2, ctx) {
  const block = program2.command("block").description("Interact with raw blocks in the datastore");
  block.command("get").description("Write the raw bytes of a block to stdout").argument("<cid>", "the CID of an existing block", parseCidArg).action(async (cid) => {
    const api = await ctx.api();
    await ctx.print.bytes(await api.block.get(cid, { signal: ctx.signal }));
  });
  block.command("put").description("Store a file (or stdin) as a block and print its CID").argument("[files...]", "files to store; stdin when none").addOption(new Option("--cid-codec <codec>", "multicodec of the CID").choices(["raw", "dag-pb", "dag-cbor", "dag-json"]).default("raw")).option("--mhtype <hash>", "multihash function", "sha2-256").option("--pin", "pin the block when added").action(async (files, flags) => {
    const api = await ctx.api();
    const inputs = files.length > 0 ? files.map((f) => async () => readFile2(resolve(ctx.cwd, f))) : [async () => readAll(ctx.stdin)];
    for (const read of inputs) {
      const bytes = await read();
      const cid = await api.block.put(bytes, { cidCodec: flags.cidCodec, mhtype: flags.mhtype, pin: flags.pin, signal: ctx.signal });
      if (ctx.print.enc === "json")
        ctx.print.json({ Key: cid.toString(), Size: bytes.byteLength });
      else
        ctx.print.line(cid.toString());
    }
  });
  block.command("stat").description("Print the size of a block").argument("<cid>", "the CID of an existing block", parseCidArg).action(async (cid) => {
    const api = await ctx.api();
    const s = await api.block.stat(cid, { signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Key: s.cid.toString(), Size: s.size });
    else {
      ctx.print.line(`Key: ${s.cid.toString()}`);
      ctx.print.line(`Size: ${s.size}`);
    }
  });
  block.command("rm").description("Remove blocks from the local datastore").argument("<cids...>", "CIDs of blocks to remove", parseCidList).option("-f, --force", "ignore nonexistent blocks").option("-q, --quiet", "write minimal output").action(async (cids, flags) => {
    const api = await ctx.api();
    let failures = 0;
    for await (const r of api.block.rm(cids, { force: flags.force, signal: ctx.signal })) {
      if (ctx.print.enc === "json")
        ctx.print.json({ Hash: r.cid.toString(), Error: r.error ?? "" });
      if (r.error != null) {
        failures++;
        if (ctx.print.enc === "text")
          ctx.print.notice(`cannot remove ${r.cid.toString()}: ${r.error}`);
      } else if (ctx.print.enc === "text" && flags.quiet !== true) {
        ctx.print.line(`removed ${r.cid.toString()}`);
      }
    }
    if (failures > 0)
      throw new CairnError("some blocks not removed");
  });
}

// ../../apps/cli/dist/src/commands/daemon.js
import { rm, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
async function isDaemonAlive(address) {
  try {
    await fetch(`${multiaddrToUrl(address)}/api/v0/id`, { method: "POST", signal: AbortSignal.timeout(DEFAULT_DAEMON_PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}
var collect = (value, previous = []) => [...previous, value];
function registerDaemon(program2, ctx) {
  program2.command("daemon").description("Run the node: libp2p swarm, HTTP gateway and RPC API, until interrupted").option("--offline", "do not connect to the network: serve only what the repo holds").option("--api <multiaddr>", "RPC API address, overriding Addresses.API (port 0 picks a free port)").option("--gateway <multiaddr>", "gateway address, overriding Addresses.Gateway").option("--swarm <multiaddr>", "swarm listen address, overriding Addresses.Swarm (repeatable)", collect).option("--init", "initialise the repo first if there is none").addOption(new Option("--init-profile <profile>", "profile for --init").choices(["default", "test"]).default("default")).action(async (flags) => {
    await runDaemon(ctx, flags);
  });
}
async function runDaemon(ctx, flags) {
  const repo = ctx.config.repoPath;
  const { print } = ctx;
  if (flags.api != null)
    multiaddrToHostPort(flags.api);
  if (flags.gateway != null)
    multiaddrToHostPort(flags.gateway);
  const backend = await ctx.backend();
  if (!await backend.isRepoInitialized(repo)) {
    if (flags.init !== true)
      throw new RepoNotInitializedError();
    print.line(`initializing Cairn node at ${repo}`);
    print.line(`peer identity: ${await backend.initRepo(repo, { profile: flags.initProfile })}`);
  }
  const previous = await readApiFile(repo);
  if (previous != null) {
    if (await isDaemonAlive(previous)) {
      throw new DaemonRunningError(`a daemon is already running on ${repo} (RPC API at ${previous}); stop it first`);
    }
    await removeFiles(repo);
  }
  print.line("Initializing daemon...");
  let daemon;
  try {
    daemon = await backend.startDaemon(repo, {
      offline: flags.offline === true,
      swarm: flags.swarm,
      api: flags.api,
      gateway: flags.gateway
    });
  } catch (err) {
    if (hasCode(err, RepoLockedError.code)) {
      throw new DaemonRunningError(`another process holds the repo at ${repo}: is a daemon already running?`, { cause: err });
    }
    throw err;
  }
  let filesWritten = false;
  try {
    const id = await daemon.node.id();
    const version = await daemon.node.version();
    print.line(`Cairn version: ${version.version}`);
    print.line(`Repo version: ${version.repo}`);
    print.line(`System version: ${version.system}`);
    print.line(`PeerID: ${id.id}`);
    if (flags.offline === true)
      print.line("Offline mode: serving only what the repo holds");
    else
      for (const a of await daemon.node.swarm.localAddrs())
        print.line(`Swarm listening on ${a.replace(/\/p2p\/[^/]+$/, "")}`);
    print.line(`RPC API server listening on ${daemon.apiMultiaddr}`);
    print.line(`Gateway server listening on ${urlToMultiaddr(daemon.gatewayUrl)}`);
    print.line(`Gateway URL: ${daemon.gatewayUrl}`);
    await writeFile(join3(repo, API_FILENAME), daemon.apiMultiaddr);
    await writeFile(join3(repo, GATEWAY_FILENAME), daemon.gatewayUrl);
    filesWritten = true;
    print.line("Daemon is ready");
    await print.flush();
    await new Promise((resolve5) => {
      if (ctx.signal.aborted) {
        resolve5();
        return;
      }
      ctx.signal.addEventListener("abort", () => {
        resolve5();
      }, { once: true });
    });
    print.line("Received interrupt signal, shutting down...");
  } finally {
    if (filesWritten)
      await removeFiles(repo);
    await stopWithin(daemon, DEFAULT_SHUTDOWN_TIMEOUT_MS);
  }
  print.line("Daemon stopped");
}
async function removeFiles(repo) {
  await rm(join3(repo, API_FILENAME), { force: true });
  await rm(join3(repo, GATEWAY_FILENAME), { force: true });
}
async function stopWithin(daemon, ms) {
  let timer;
  try {
    await Promise.race([
      daemon.stop(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new TimeoutError(`the daemon did not stop within ${ms} ms`));
        }, ms);
      })
    ]);
  } finally {
    clearTimeout(timer);
  }
}
function urlToMultiaddr(url) {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const proto = host.includes(":") ? "ip6" : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? "ip4" : "dns";
  return `/${proto}/${host}/tcp/${u.port !== "" ? u.port : u.protocol === "https:" ? "443" : "80"}`;
}

// ../../apps/cli/dist/src/commands/dag.js
import { open } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
function registerDag(program2, ctx) {
  const dag = program2.command("dag").description("Interact with IPLD DAGs");
  dag.command("import").description("Import the contents of CAR files (stdin when none)").argument("[files...]", "CAR files").option("--pin-roots", "pin the roots listed in the CAR headers (default)", true).option("--no-pin-roots", "do not pin the roots; accepts incomplete DAGs (Kubo: --pin-roots=false)").action(async (files, flags) => {
    const handles = await Promise.all(files.map(async (f) => open(resolve2(ctx.cwd, f))));
    const api = await ctx.api();
    const sources = handles.length > 0 ? handles.map((h) => h.createReadStream()) : [ctx.stdin];
    for (const source of sources) {
      for await (const r of api.dag.import(source, { pinRoots: flags.pinRoots, signal: ctx.signal })) {
        if (!flags.pinRoots)
          continue;
        if (ctx.print.enc === "json") {
          ctx.print.json({ Root: { Cid: { "/": r.root.cid.toString() }, PinErrorMsg: r.root.pinErrorMsg ?? "" } });
        } else {
          ctx.print.line(`Pinned root	${r.root.cid.toString()}	${r.root.pinErrorMsg == null ? "success" : `FAILED: ${r.root.pinErrorMsg}`}`);
        }
      }
    }
  });
  dag.command("export").description("Stream the DAG under a root CID as a CAR file on stdout").argument("<cid>", "the root CID", parseCidArg).option("--no-progress", "Kubo flag, accepted: no progress is drawn").action(async (cid) => {
    if (ctx.stdoutIsTTY)
      throw new UsageError("refusing to write a CAR file to a terminal: redirect stdout to a file (cairn dag export CID > file.car)");
    const api = await ctx.api();
    for await (const chunk of api.dag.export(cid, { signal: ctx.signal }))
      await ctx.print.bytes(chunk);
  });
  dag.command("stat").description("Print the size and number of blocks of a DAG").argument("<cid>", "the root CID", parseCidArg).option("--no-progress", "Kubo flag, accepted: no progress is drawn").action(async (cid) => {
    const api = await ctx.api();
    const s = await api.dag.stat(cid, { signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json(dagStatJson(s));
    else
      for (const line of formatDagStat(s))
        ctx.print.line(line);
  });
}

// ../../apps/cli/dist/src/commands/files.js
import { createWriteStream } from "node:fs";
import { lstat, mkdir, readdir, symlink, chmod, utimes } from "node:fs/promises";
import { basename, dirname, join as join4, resolve as resolve3, sep } from "node:path";
import { pipeline } from "node:stream/promises";
async function totalBytes(paths, recursive, hidden) {
  let total = 0;
  const walk = async (p) => {
    const s = await lstat(p);
    if (s.isFile())
      total += s.size;
    else if (s.isDirectory() && recursive) {
      for (const name of await readdir(p)) {
        if (!hidden && name.startsWith("."))
          continue;
        await walk(join4(p, name));
      }
    }
  };
  for (const p of paths)
    await walk(p);
  return total;
}
async function checkPaths(paths, recursive) {
  for (const p of paths) {
    const s = await lstat(p);
    if (s.isDirectory() && !recursive) {
      throw new InvalidParametersError(`${basename(p)} is a directory, use the '-r' flag to specify directories`);
    }
  }
}
async function* stdinSource(ctx, name = "") {
  yield { path: name, content: ctx.stdin };
}
function registerFiles(program2, ctx) {
  program2.command("add").description("Add a file or directory to Cairn (stdin when no path is given)").argument("[paths...]", "paths to add").option("-r, --recursive", "add directory paths recursively").option("-w, --wrap-with-directory", "wrap files with a directory object").option("-n, --only-hash", "only chunk and hash; do not write to disk").option("-q, --quiet", "write minimal output: bare CIDs").option("-Q, --quieter", "write only the final CID").addOption(new Option("--cid-version <version>", "CID version (1 implies --raw-leaves)").choices(["0", "1"]).argParser((v) => {
    if (v !== "0" && v !== "1")
      throw new UsageError(`--cid-version must be 0 or 1, not '${v}'`);
    return Number(v);
  })).option("--raw-leaves", "use raw blocks for leaf nodes").option("--no-raw-leaves", "wrap leaves in UnixFS nodes even with --cid-version=1").option("-s, --chunker <spec>", "chunking algorithm: size-<bytes>, rabin-<min>-<avg>-<max> or buzhash").option("-t, --trickle", "use the trickle DAG layout").option("--no-pin", "do not pin what is added (Kubo: --pin=false)").option("-H, --hidden", "include files whose names start with a dot").option("--no-progress", "do not draw the progress bar (Kubo: --progress=false)").option("--inline", "inline small blocks into their CIDs").option("--inline-limit <bytes>", "largest block to inline", parseInteger).option("--stdin-name <name>", "assign a name if the file source is stdin").action(async (paths, flags) => {
    const recursive = flags.recursive === true;
    const hidden = flags.hidden === true;
    const absolute = paths.map((p) => resolve3(ctx.cwd, p));
    if (absolute.length > 0)
      await checkPaths(absolute, recursive);
    if (absolute.length === 0 && ctx.stdin.isTTY === true)
      throw new UsageError("argument 'path' is required");
    const quietness = flags.quieter === true ? "quieter" : flags.quiet === true ? "quiet" : "normal";
    const api = await ctx.api({ initIfMissing: true });
    const progressWanted = flags.progress && quietness !== "quieter" && ctx.print.enc === "text" && absolute.length > 0;
    const bar = ctx.print.progress(progressWanted ? await totalBytes(absolute, recursive, hidden) : 0, progressWanted);
    const done = /* @__PURE__ */ new Map();
    let sum = 0;
    const options = {
      signal: ctx.signal,
      wrapWithDirectory: flags.wrapWithDirectory,
      onlyHash: flags.onlyHash,
      cidVersion: flags.cidVersion,
      rawLeaves: flags.rawLeaves,
      chunker: flags.chunker,
      trickle: flags.trickle,
      pin: flags.pin,
      hidden,
      inline: flags.inline,
      inlineLimit: flags.inlineLimit,
      onProgress: progressWanted ? (bytes, path2) => {
        sum += bytes - (done.get(path2) ?? 0);
        done.set(path2, bytes);
        bar.update(sum);
      } : void 0
    };
    const source = absolute.length > 0 ? (await import("./fs-source-YMGBEHED.js")).fileSource(absolute, { recursive, hidden }) : stdinSource(ctx, flags.stdinName);
    let last;
    try {
      for await (const result of api.add(source, options)) {
        last = result;
        if (quietness === "quieter")
          continue;
        if (ctx.print.enc === "json")
          ctx.print.json(addedJson(result));
        else
          ctx.print.line(formatAdded(result, quietness));
      }
    } finally {
      bar.stop();
    }
    if (quietness === "quieter" && last != null) {
      if (ctx.print.enc === "json")
        ctx.print.json(addedJson(last));
      else
        ctx.print.line(last.cid.toString());
    }
  });
  program2.command("cat").description("Show the bytes of a file").argument("<path>", "the IPFS path of the file").option("-o, --offset <bytes>", "byte offset to begin reading from", parseInteger).option("-l, --length <bytes>", "maximum number of bytes to read", parseInteger).action(async (path2, flags) => {
    const target = parsePathArg(path2);
    const api = await ctx.api();
    for await (const chunk of api.cat(target, { offset: flags.offset, length: flags.length, signal: ctx.signal })) {
      await ctx.print.bytes(chunk);
    }
  });
  program2.command("get").description("Download a file or directory to disk").argument("<path>", "the IPFS path to download").option("-o, --output <path>", "the path where the output is stored").option("--no-progress", "do not draw the progress bar").action(async (path2, flags) => {
    parsePathArg(path2);
    const api = await ctx.api();
    const rootName = basename(path2.replace(/\/+$/, ""));
    const out = resolve3(ctx.cwd, flags.output ?? rootName);
    let total = 0;
    let bar = ctx.print.progress(0, false);
    let first = true;
    for await (const entry of api.get(path2, { signal: ctx.signal })) {
      if (first) {
        first = false;
        if (ctx.print.enc === "text")
          ctx.print.notice(`Saving file(s) to ${flags.output ?? rootName}`);
        if (flags.progress && entry.type === "directory") {
          total = (await api.dag.stat(entry.cid, { signal: ctx.signal })).size;
        } else if (flags.progress)
          total = entry.size ?? 0;
        bar = ctx.print.progress(total, flags.progress && ctx.print.enc === "text");
      }
      let written = 0;
      await writeEntry(entry, out, (n) => {
        written += n;
        bar.update(Math.min(total, written));
      });
    }
    bar.stop();
  });
  program2.command("ls").description("List directory contents").argument("<paths...>", "IPFS paths of directories").option("-v, --headers", "print table headers (Hash, Size, Name)").option("--no-size", "omit sizes").option("-s, --stream", "print entries as they arrive (Kubo flag; always the case for JSON)").action(async (paths, flags) => {
    paths.forEach(parsePathArg);
    const api = await ctx.api();
    for (const path2 of paths) {
      const entries = [];
      for await (const e of api.ls(path2, { signal: ctx.signal }))
        entries.push(e);
      if (ctx.print.enc === "json") {
        ctx.print.json(lsJson(path2, entries));
        continue;
      }
      if (paths.length > 1)
        ctx.print.line(`${path2}:`);
      for (const line of formatLs(entries, { headers: flags.headers, size: flags.size }))
        ctx.print.line(line);
      if (paths.length > 1)
        ctx.print.line("");
    }
  });
}
async function writeEntry(entry, out, onBytes = () => {
}) {
  const parts = entry.path.split("/").slice(1);
  if (parts.some((p) => p === ".." || p === "" || p.includes("\\"))) {
    throw new InvalidParametersError(`refusing to write '${entry.path}': it leaves the output folder`);
  }
  const target = parts.length === 0 ? out : join4(out, ...parts);
  if (target !== out && !target.startsWith(out + sep)) {
    throw new InvalidParametersError(`refusing to write '${entry.path}': it leaves the output folder`);
  }
  if (entry.type === "directory") {
    await mkdir(target, { recursive: true });
  } else if (entry.type === "symlink") {
    await mkdir(dirname(target), { recursive: true });
    await symlink(entry.symlinkTarget ?? "", target);
    return;
  } else {
    await mkdir(dirname(target), { recursive: true });
    const content = entry.content ?? (async function* () {
    })();
    await pipeline(async function* () {
      for await (const chunk of content) {
        onBytes(chunk.byteLength);
        yield chunk;
      }
    }, createWriteStream(target));
  }
  if (entry.type !== "file")
    return;
  if (entry.mode != null)
    await chmod(target, entry.mode & 4095);
  if (entry.mtime != null) {
    const seconds = Number(entry.mtime.secs) + (entry.mtime.nsecs ?? 0) / 1e9;
    await utimes(target, seconds, seconds);
  }
}

// ../../apps/cli/dist/src/commands/misc.js
function registerMisc(program2, ctx) {
  program2.command("init").description("Initialise a Cairn repo at $CAIRN_PATH (default ~/.cairn)").addOption(new Option("-p, --profile <profile>", "configuration profile: test has no bootstrap peers, no mDNS, loopback addresses and free ports").choices(["default", "test"]).default("default")).action(async (flags) => {
    const repo = ctx.config.repoPath;
    const backend = await ctx.backend();
    if (await backend.isRepoInitialized(repo)) {
      throw new RepoExistsError(`a Cairn repo already exists at ${repo}: reinitializing would overwrite its keys`);
    }
    ctx.print.line("generating ED25519 keypair...done");
    const peerId = await backend.initRepo(repo, { profile: flags.profile });
    ctx.print.line(`peer identity: ${peerId}`);
    ctx.print.line(`initializing Cairn node at ${repo}`);
  });
  const config = program2.command("config").description("Get and set configuration values (Kubo's `config KEY [VALUE]`)").argument("[key]", "the dotted key, such as Addresses.API").argument("[value]", "the value to set").option("--json", "parse VALUE as JSON").option("--bool", "parse VALUE as a boolean").action(async (key, value, flags) => {
    if (key == null)
      throw new UsageError("argument 'key' is required (or use `cairn config show`)");
    if (value == null)
      await getValue(key);
    else
      await setValue(key, value, flags);
  });
  const getValue = async (key) => {
    const api = await ctx.api();
    const value = await api.config.get(key, { signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Key: key, Value: value });
    else
      ctx.print.line(formatConfigValue(value));
  };
  const setValue = async (key, raw, flags) => {
    let value;
    try {
      value = parseConfigValue(raw, flags);
    } catch (err) {
      throw new UsageError(`failed to parse value for ${key}: ${err.message}`, { cause: err });
    }
    const api = await ctx.api();
    await api.config.set(key, value, { signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Key: key, Value: value });
  };
  config.command("show").description("Print the whole config file").action(async () => {
    const api = await ctx.api();
    const shown = await api.config.show({ signal: ctx.signal });
    ctx.print.line(JSON.stringify(shown, null, 2));
  });
  config.command("get").description("Print one configuration value").argument("<key>", "the dotted key").action(async (key) => {
    await getValue(key);
  });
  config.command("set").description("Set one configuration value").argument("<key>", "the dotted key").argument("<value>", "the value").option("--json", "parse VALUE as JSON").option("--bool", "parse VALUE as a boolean").action(async (key, value, _flags, command) => {
    await setValue(key, value, command.optsWithGlobals());
  });
  const stats = program2.command("stats").description("Usage statistics");
  stats.command("bw").description("Print bandwidth totals and rates").action(async () => {
    const api = await ctx.api();
    const bw = await api.stats.bw({ signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json(bandwidthJson(bw));
    else
      for (const line of formatBandwidth(bw))
        ctx.print.line(line);
  });
  stats.command("bitswap").description("Show diagnostic information on the bitswap agent").option("-v, --verbose", "print extra information (the partners)").action(async (flags) => {
    const api = await ctx.api();
    const s = await api.stats.bitswap({ signal: ctx.signal });
    if (ctx.print.enc === "json") {
      ctx.print.json({
        Wantlist: s.wantlist.map((cid) => ({ "/": cid.toString() })),
        Peers: s.peers,
        BlocksReceived: s.blocksReceived,
        DataReceived: s.dataReceived,
        BlocksSent: s.blocksSent,
        DataSent: s.dataSent,
        DupBlksReceived: s.dupBlksReceived,
        DupDataReceived: s.dupDataReceived
      });
      return;
    }
    ctx.print.line("bitswap status");
    ctx.print.line(`	blocks received: ${s.blocksReceived}`);
    ctx.print.line(`	blocks sent: ${s.blocksSent}`);
    ctx.print.line(`	data received: ${s.dataReceived}`);
    ctx.print.line(`	data sent: ${s.dataSent}`);
    ctx.print.line(`	dup blocks received: ${s.dupBlksReceived}`);
    ctx.print.line(`	dup data received: ${s.dupDataReceived}`);
    ctx.print.line(`	wantlist [${s.wantlist.length} keys]`);
    for (const cid of s.wantlist)
      ctx.print.line(`		${cid.toString()}`);
    ctx.print.line(`	partners [${s.peers.length}]`);
    if (flags.verbose === true)
      for (const p of s.peers)
        ctx.print.line(`		${p}`);
  });
  program2.command("version").description("Show version information").option("-n, --number", "only show the version number").option("--commit", "show the commit hash").option("--repo", "show the repo version").option("--all", "show all version information").action((flags) => {
    if (ctx.print.enc === "json") {
      ctx.print.json(versionInfo());
      return;
    }
    for (const line of versionLines(flags))
      ctx.print.line(line);
  });
}

// ../../apps/cli/dist/src/commands/network.js
import { readFile as readFile3 } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";
function registerNetwork(program2, ctx) {
  program2.command("id").description("Show this node's identity").argument("[peer]", "only this node is supported").option("-f, --format <format>", "print with <id> <aver> <pver> <pubkey> <addrs> <protocols> substituted").action(async (peer, flags) => {
    const api = await ctx.api();
    const id = await api.id({ signal: ctx.signal });
    if (peer != null && peer !== id.id)
      throw new UsageError("looking up other peers is not supported: run `cairn id` without an argument");
    if (flags.format != null) {
      await ctx.print.bytes(new TextEncoder().encode(flags.format.replaceAll("<id>", id.id).replaceAll("<aver>", id.agentVersion).replaceAll("<pver>", id.protocolVersion).replaceAll("<pubkey>", id.publicKey).replaceAll("<addrs>", id.addresses.join("\n")).replaceAll("<protocols>", id.protocols.join("\n")).replaceAll("\\n", "\n").replaceAll("\\t", "	")));
      return;
    }
    ctx.print.jsonIndented({ ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, Protocols: id.protocols });
  });
  const swarm = program2.command("swarm").description("Interact with the swarm of peers");
  swarm.command("peers").description("List peers with open connections").option("-v, --verbose", "also print latency").option("--direction", "also print the connection direction").action(async (flags) => {
    const api = await ctx.api({ online: true });
    const peers = await api.swarm.peers({ signal: ctx.signal });
    if (ctx.print.enc === "json") {
      ctx.print.json({ Peers: peers.map((p) => ({ Addr: p.addr, Peer: p.peer, Latency: p.latency ?? "", Direction: p.direction === "inbound" ? 1 : p.direction === "outbound" ? 2 : 0 })) });
      return;
    }
    for (const p of peers) {
      const parts = [p.addr.endsWith(`/p2p/${p.peer}`) ? p.addr : `${p.addr}/p2p/${p.peer}`];
      if (flags.verbose === true)
        parts.push(p.latency ?? "n/a");
      if (flags.direction === true)
        parts.push(p.direction ?? "unknown");
      ctx.print.line(parts.join(" "));
    }
  });
  swarm.command("connect").description("Open a connection to a peer address").argument("<addresses...>", "multiaddrs ending in /p2p/<peer id>").action(async (addresses) => {
    const api = await ctx.api({ online: true });
    const lines = [];
    for (const addr of addresses) {
      const peer = /\/p2p\/([^/]+)$/.exec(addr)?.[1];
      if (peer == null)
        throw new UsageError(`${addr}: the address must end in /p2p/<peer id>`);
      await api.swarm.connect(addr, { signal: ctx.signal });
      lines.push(`connect ${peer} success`);
      if (ctx.print.enc === "text")
        ctx.print.line(`connect ${peer} success`);
    }
    if (ctx.print.enc === "json")
      ctx.print.json({ Strings: lines });
  });
  const addrs = swarm.command("addrs").description("List the known addresses of peers").action(async () => {
    const api = await ctx.api({ online: true });
    const known = await api.swarm.addrs({ signal: ctx.signal });
    if (ctx.print.enc === "json") {
      ctx.print.json({ Addrs: Object.fromEntries(known.map((k) => [k.id, k.addrs])) });
      return;
    }
    for (const k of known.sort((a, b) => a.id.localeCompare(b.id))) {
      const unique = [...new Set(k.addrs)].sort();
      ctx.print.line(`${k.id} (${unique.length})`);
      for (const a of unique)
        ctx.print.line(`	${a}`);
    }
  });
  addrs.command("local").description("List the addresses this node listens on").option("--id", "append /p2p/<peer id> to each address").action(async (flags) => {
    const api = await ctx.api({ online: true });
    const local = (await api.swarm.localAddrs({ signal: ctx.signal })).map((a) => flags.id === true ? a : a.replace(/\/p2p\/[^/]+$/, ""));
    if (ctx.print.enc === "json")
      ctx.print.json({ Strings: local });
    else
      for (const a of local)
        ctx.print.line(a);
  });
  const routing = program2.command("routing").description("Find and announce content on the network");
  routing.command("findprovs").description("Find peers that can provide a CID").argument("<cid>", "the CID to find providers of", parseCidArg).option("-n, --num-providers <n>", "the number of providers to find", parseInteger, 20).action(async (cid, flags) => {
    const api = await ctx.api({ online: true });
    for await (const p of api.routing.findProvs(cid, { numProviders: flags.numProviders, signal: ctx.signal })) {
      if (ctx.print.enc === "json")
        ctx.print.json({ Extra: "", ID: "", Responses: [{ Addrs: p.addrs, ID: p.id }], Type: 4 });
      else
        ctx.print.line(p.id);
    }
  });
  routing.command("provide").description("Announce to the network that this node provides CIDs").argument("<cids...>", "CIDs to announce", parseCidList).option("-r, --recursive", "also announce every block under each CID").action(async (cids, flags) => {
    const api = await ctx.api({ online: true });
    await api.routing.provide(cids, { recursive: flags.recursive, signal: ctx.signal });
  });
  const pubsub = program2.command("pubsub").description("Publish and subscribe to gossipsub topics");
  pubsub.command("pub").description("Publish a message (the file given, or stdin) to a topic").argument("<topic>", "the topic").argument("[file]", "file with the message; stdin when absent").action(async (topic, file) => {
    const api = await ctx.api({ online: true });
    const data = file != null ? await readFile3(resolve4(ctx.cwd, file)) : await readAll(ctx.stdin);
    await api.pubsub.publish(topic, data, { signal: ctx.signal });
  });
  pubsub.command("sub").description("Print messages from a topic until interrupted").argument("<topic>", "the topic").action(async (topic) => {
    const api = await ctx.api({ online: true });
    const pending = [];
    let lost;
    const ended = new Promise((_resolve, reject) => {
      lost = reject;
    });
    ended.catch(() => {
    });
    await api.pubsub.subscribe(topic, (m) => {
      if (ctx.print.enc === "json") {
        ctx.print.json({ from: m.from, data: `u${Buffer.from(m.data).toString("base64url")}`, seqno: m.sequenceNumber?.toString() ?? "", topicIDs: [m.topic] });
      } else {
        pending.push(ctx.print.bytes(m.data));
      }
    }, { signal: ctx.signal, onError: (err) => {
      lost?.(err);
    } });
    await Promise.race([ended, new Promise((resolve5) => {
      if (ctx.signal.aborted) {
        resolve5();
        return;
      }
      ctx.signal.addEventListener("abort", () => {
        resolve5();
      }, { once: true });
    })]);
    await Promise.all(pending);
  });
  pubsub.command("ls").description("List the topics this node is subscribed to").action(async () => {
    const api = await ctx.api({ online: true });
    const topics = await api.pubsub.ls({ signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Strings: topics });
    else
      for (const t of topics)
        ctx.print.line(t);
  });
  pubsub.command("peers").description("List peers we exchange messages with on a topic").argument("<topic>", "the topic").action(async (topic) => {
    const api = await ctx.api({ online: true });
    const peers = await api.pubsub.peers(topic, { signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Strings: peers });
    else
      for (const p of peers)
        ctx.print.line(p);
  });
  const bootstrap = program2.command("bootstrap").description("Show or edit the list of bootstrap peers");
  const printPeers = (peers, verb) => {
    if (ctx.print.enc === "json")
      ctx.print.json({ Peers: peers });
    else
      for (const p of peers)
        ctx.print.line(verb != null ? `${verb} ${p}` : p);
  };
  bootstrap.command("list").description("Show the bootstrap peers").action(async () => {
    const api = await ctx.api();
    printPeers(await api.bootstrap.list({ signal: ctx.signal }));
  });
  bootstrap.command("add").description("Add bootstrap peers (`default` or --default: the public IPFS ones)").argument("[addresses...]", "multiaddrs ending in /p2p/<peer id>").option("--default", "add the default bootstrap peers").action(async (addresses, flags) => {
    const useDefault = flags.default === true || addresses.length === 1 && addresses[0] === "default";
    if (!useDefault && addresses.length === 0)
      throw new UsageError("no bootstrap peers to add: give addresses or --default");
    const api = await ctx.api();
    printPeers(await api.bootstrap.add(useDefault ? [] : addresses, { default: useDefault, signal: ctx.signal }), "added");
  });
  bootstrap.command("rm").description("Remove bootstrap peers (`all` or --all: every one)").argument("[addresses...]", "multiaddrs to remove").option("--all", "remove all bootstrap peers").action(async (addresses, flags) => {
    const all = flags.all === true || addresses.length === 1 && addresses[0] === "all";
    if (!all && addresses.length === 0)
      throw new UsageError("no bootstrap peers to remove: give addresses or --all");
    const api = await ctx.api();
    printPeers(await api.bootstrap.rm(all ? [] : addresses, { all, signal: ctx.signal }), "removed");
  });
}

// ../../apps/cli/dist/src/commands/pin.js
function registerPin(program2, ctx) {
  const pin = program2.command("pin").description("Pin (and unpin) objects to local storage");
  pin.command("add").description("Pin objects to local storage").argument("<paths...>", "paths to pin").option("-r, --recursive", "recursively pin the object linked to by the path (default)", true).option("--no-recursive", "pin only the block itself (Kubo: --recursive=false)").option("--progress", "show the number of blocks fetched").action(async (paths, flags) => {
    paths.forEach(parsePathArg);
    const api = await ctx.api();
    const pinned = [];
    for (const path2 of paths) {
      const onProgress = flags.progress === true ? (n) => {
        ctx.print.status(`Fetched/Processed ${n} nodes`);
      } : void 0;
      const cids = await api.pin.add(path2, { recursive: flags.recursive, signal: ctx.signal, onProgress });
      ctx.print.endStatus();
      for (const cid of cids) {
        pinned.push(cid.toString());
        if (ctx.print.enc === "text")
          ctx.print.line(`pinned ${cid.toString()} ${flags.recursive ? "recursively" : "directly"}`);
      }
    }
    if (ctx.print.enc === "json")
      ctx.print.json({ Pins: pinned });
  });
  pin.command("rm").description("Remove pins").argument("<paths...>", "paths to unpin").option("-r, --recursive", "recursively unpin the object (default)", true).option("--no-recursive", "remove a direct pin (Kubo: --recursive=false)").action(async (paths, flags) => {
    paths.forEach(parsePathArg);
    const api = await ctx.api();
    const removed = [];
    for (const path2 of paths) {
      for (const cid of await api.pin.rm(path2, { recursive: flags.recursive, signal: ctx.signal })) {
        removed.push(cid.toString());
        if (ctx.print.enc === "text")
          ctx.print.line(`unpinned ${cid.toString()}`);
      }
    }
    if (ctx.print.enc === "json")
      ctx.print.json({ Pins: removed });
  });
  pin.command("ls").description("List objects pinned to local storage").argument("[paths...]", "only these paths").addOption(new Option("-t, --type <type>", "the type of pinned keys to list").choices(["direct", "indirect", "recursive", "all"]).default("all")).option("-q, --quiet", "write just the CIDs").option("-s, --stream", "print each pin as it is found (JSON: one object per line)").action(async (paths, flags) => {
    paths.forEach(parsePathArg);
    const api = await ctx.api();
    const keys = {};
    for await (const entry of api.pin.ls({ type: flags.type, paths: paths.length > 0 ? paths : void 0, signal: ctx.signal })) {
      if (ctx.print.enc === "text")
        ctx.print.line(formatPin(entry, flags.quiet === true));
      else if (flags.stream === true)
        ctx.print.json({ Cid: entry.cid.toString(), Type: entry.type });
      else
        keys[entry.cid.toString()] = { Type: entry.type };
    }
    if (ctx.print.enc === "json" && flags.stream !== true)
      ctx.print.json({ Keys: keys });
  });
  pin.command("update").description("Update a recursive pin, walking only what changed").argument("<from>", "the path of the old pin").argument("<to>", "the path of the new pin").option("--unpin", "remove the old pin (default)", true).option("--no-unpin", "keep the old pin (Kubo: --unpin=false)").action(async (from, to, flags) => {
    parsePathArg(from);
    parsePathArg(to);
    const api = await ctx.api();
    const [oldCid, newCid] = await api.pin.update(from, to, { unpin: flags.unpin, signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json({ Pins: [oldCid.toString(), newCid.toString()] });
    else
      ctx.print.line(`updated ${oldCid.toString()} to ${newCid.toString()}`);
  });
}

// ../../apps/cli/dist/src/commands/repo.js
function registerRepo(program2, ctx) {
  const repo = program2.command("repo").description("Manipulate the Cairn repo");
  repo.command("gc").description("Remove blocks that no pin needs").option("-q, --quiet", "write minimal output").option("--stream-errors", "report errors as they happen and carry on (always the case)").action(async (flags) => {
    const api = await ctx.api();
    let failures = 0;
    for await (const r of api.repo.gc({ signal: ctx.signal })) {
      if (r.error != null) {
        failures++;
        if (ctx.print.enc === "json")
          ctx.print.json({ Error: r.error });
        else
          ctx.print.notice(r.error);
      } else if (r.cid != null) {
        if (ctx.print.enc === "json")
          ctx.print.json({ Key: { "/": r.cid.toString() } });
        else
          ctx.print.line(flags.quiet === true ? r.cid.toString() : `removed ${r.cid.toString()}`);
      }
    }
    if (failures > 0)
      throw new CairnError(`encountered ${failures} errors during gc`);
  });
  repo.command("stat").description("Get stats for the repo").option("-s, --size-only", "only report RepoSize and StorageMax").option("-H, --human", "print sizes in human readable form").action(async (flags) => {
    const api = await ctx.api();
    const stats = await api.repo.stat({ signal: ctx.signal });
    if (ctx.print.enc === "json")
      ctx.print.json(repoStatJson(stats));
    else
      for (const line of formatRepoStat(stats, flags))
        ctx.print.line(line);
  });
  repo.command("verify").description("Verify every block in the repo hashes to its CID").action(async () => {
    const api = await ctx.api();
    let last = "";
    for await (const m of api.repo.verify({ signal: ctx.signal })) {
      if (ctx.print.enc === "json")
        ctx.print.json(m.progress != null ? { Msg: m.msg, Progress: m.progress } : { Msg: m.msg });
      else if (m.msg !== "")
        ctx.print.line(m.msg);
      if (m.msg !== "")
        last = m.msg;
    }
    if (/corrupt|fail|unreadable|mismatch/i.test(last))
      throw new CairnError(last);
  });
}

// ../../apps/cli/dist/src/program.js
var GLOBAL_OPTIONS_HELP = `
Global options (anywhere on the line):
  --enc=<text|json>   output encoding; json gives Kubo's RPC shapes
  --repo-dir <path>   the repo (default $CAIRN_PATH, else ~/.cairn)
  --api <multiaddr>   talk to this daemon instead of the repo's api file
  --offline           never use a running daemon
  --timeout <dur>     give up after a Go duration such as 30s
  -D, --debug         print stack traces with errors

Environment: CAIRN_PATH (the repo), CAIRN_API (a daemon's RPC multiaddr).`;
function createProgram(ctx) {
  const program2 = new Command("cairn").description("Cairn: a content-addressed storage node that speaks IPFS").exitOverride().configureOutput({
    writeOut: (s) => {
      ctx.print.text(s, "stdout");
    },
    writeErr: (s) => {
      ctx.print.text(s, "stderr");
    },
    // errors are printed once, by main, in Kubo's one-line form
    outputError: () => {
    }
  }).showSuggestionAfterError(true).allowExcessArguments(false).addHelpText("after", GLOBAL_OPTIONS_HELP);
  registerMisc(program2, ctx);
  registerDaemon(program2, ctx);
  registerFiles(program2, ctx);
  registerPin(program2, ctx);
  registerRepo(program2, ctx);
  registerBlock(program2, ctx);
  registerDag(program2, ctx);
  registerNetwork(program2, ctx);
  return program2;
}

// ../../apps/cli/dist/src/main.js
var loadDefaultBackend = async () => {
  const { createBackend } = await import("./backend-2VZFKS2Z.js");
  return createBackend();
};
async function run(init) {
  let config;
  try {
    config = parseConfig(init.env, init.argv);
  } catch (err) {
    const print2 = createPrinter({ stdout: init.stdout, stderr: init.stderr });
    print2.notice(describeError(err, { repoPath: "" }).line);
    await print2.flush();
    return EXIT_USAGE;
  }
  const print = createPrinter({ stdout: init.stdout, stderr: init.stderr, enc: config.enc });
  const signals = [init.signal, config.timeoutMs != null ? AbortSignal.timeout(config.timeoutMs) : void 0].filter((s) => s != null);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : new AbortController().signal;
  let backend;
  const loadBackend = async () => {
    backend ??= (init.loadBackend ?? loadDefaultBackend)();
    return backend;
  };
  let opened;
  const ctx = {
    config,
    print,
    cwd: config.cwd ?? init.cwd,
    stdin: init.stdin,
    stdoutIsTTY: init.stdout.isTTY === true,
    signal,
    backend: loadBackend,
    async api(options = {}) {
      if (opened == null) {
        opened = openApi(config, loadBackend, options);
        if ((await opened).initialized === true)
          print.notice(`initialized a new Cairn repo at ${config.repoPath}`);
      }
      return (await opened).api;
    }
  };
  let exitCode = EXIT_OK;
  try {
    const program2 = createProgram(ctx);
    if (config.args[0] === "--version")
      config.args = ["version", ...config.args.slice(1)];
    if (config.args.length === 0) {
      program2.outputHelp();
    } else {
      await program2.parseAsync(config.args, { from: "user" });
    }
  } catch (err) {
    exitCode = report(err, config, print);
  } finally {
    if (opened != null) {
      try {
        await (await opened).close();
      } catch (err) {
        if (exitCode === EXIT_OK)
          exitCode = report(err, config, print);
      }
    }
    await print.flush();
  }
  return exitCode;
}
function report(err, config, print) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0)
      return EXIT_OK;
    if (err.code === "commander.help" || err.code === "commander.helpDisplayed")
      return EXIT_USAGE;
    print.notice(`Error: ${err.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ")}`);
    return EXIT_USAGE;
  }
  const failure = describeError(err, { repoPath: config.repoPath });
  print.notice(failure.line);
  if (config.debug && failure.stack != null)
    print.notice(failure.stack);
  return failure.exitCode;
}
export {
  run
};
