// commander parsers for option values, kept apart from the commands so that parsing arguments (and --help)
// loads no command module.
import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return port;
}

export const DEFAULT_SCREENSHOT_WIDTH = 600;

export function parseWidth(value: string): number {
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < 200 || width > 4000)
    throw new InvalidArgumentError('a width is a whole number of CSS pixels from 200 to 4000.');
  return width;
}
