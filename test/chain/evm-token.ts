import type { Anvil } from '../helpers/anvil.ts';

/**
 * A hand-assembled test token (no Solidity compiler here). It keeps no balances: a call with
 * calldata `to (32 bytes) | amount (32 bytes) [| count (32 bytes)]` emits the standard
 * `Transfer(caller, to, amount)` event `count` times (once when count is 0 or absent), which
 * is all a watcher of Transfer logs can see of any ERC-20. With 4-byte calldata it answers
 * `decimals()` and `symbol()`, or reverts in the "bad" variant (a token whose decimals() fails).
 *
 * Offsets are hexadecimal; the stack is shown top first after each instruction.
 */
const TRANSFER_TOPIC = 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

const EMITTER = [
  '36', //              00 CALLDATASIZE        [size]
  '6004', //            01 PUSH1 4             [4, size]
  '14', //              03 EQ                  [size==4]
  '6047', //            04 PUSH1 0x47 (views)
  '57', //              06 JUMPI               a 4-byte call is a view: decimals() or symbol()
  '6020', //            07 PUSH1 0x20
  '35', //              09 CALLDATALOAD        [amount]
  '6000', //            0a PUSH1 0
  '52', //              0c MSTORE              memory[0..32] = amount, the event's data
  '6040', //            0d PUSH1 0x40
  '35', //              0f CALLDATALOAD        [count]   (0 when calldata is 64 bytes)
  '80', //              10 DUP1                [count, count]
  '15', //              11 ISZERO              [count==0, count]
  '01', //              12 ADD                 [n]       n = max(count, 1)
  '5b', //              13 JUMPDEST (loop)     [n]
  '6000', //            14 PUSH1 0
  '35', //              16 CALLDATALOAD        [to, n]
  '33', //              17 CALLER              [from, to, n]
  `7f${TRANSFER_TOPIC}`, // 18 PUSH32 topic0    [topic0, from, to, n]
  '6020', //            39 PUSH1 0x20          [size, ...]
  '6000', //            3b PUSH1 0             [offset, size, topic0, from, to, n]
  'a3', //              3d LOG3                Transfer(from, to, amount)   [n]
  '6001', //            3e PUSH1 1             [1, n]
  '90', //              40 SWAP1               [n, 1]
  '03', //              41 SUB                 [n-1]
  '80', //              42 DUP1                [n-1, n-1]
  '6013', //            43 PUSH1 0x13 (loop)
  '57', //              45 JUMPI               again while n-1 != 0   [n-1]
  '00', //              46 STOP
].join('');

function views(decimals: number, symbol: string): string {
  const text = Buffer.from(symbol, 'utf8');
  if (text.length === 0 || text.length > 32) throw new Error('symbol must be 1 to 32 bytes');
  const word = text.toString('hex').padEnd(64, '0');
  return [
    '5b', //            47 JUMPDEST (views)
    '6000', //          48 PUSH1 0
    '35', //            4a CALLDATALOAD        [word0]
    '60e0', //          4b PUSH1 0xe0
    '1c', //            4d SHR                 [selector]
    '80', //            4e DUP1                [selector, selector]
    '63313ce567', //    4f PUSH4 decimals()
    '14', //            54 EQ
    '6065', //          55 PUSH1 0x65 (dec)
    '57', //            57 JUMPI               [selector]
    '6395d89b41', //    58 PUSH4 symbol()
    '14', //            5d EQ
    '6070', //          5e PUSH1 0x70 (sym)
    '57', //            60 JUMPI
    '600080fd', //      61 PUSH1 0, DUP1, REVERT(0, 0): unknown selector
    '5b', //            65 JUMPDEST (dec)
    `60${decimals.toString(16).padStart(2, '0')}`, // 66 PUSH1 decimals
    '600052', //        68 PUSH1 0, MSTORE     memory[0..32] = decimals
    '60206000f3', //    6b RETURN(0, 32)
    '5b', //            70 JUMPDEST (sym)      ABI string: offset, length, bytes
    '6020600052', //    71 memory[0x00] = 0x20 (offset of the string)
    `60${text.length.toString(16).padStart(2, '0')}602052`, // 76 memory[0x20] = length
    `7f${word}`, //     7b PUSH32 the bytes, left-aligned
    '604052', //        9c memory[0x40] = bytes
    '60606000f3', //    9f RETURN(0, 0x60)
  ].join('');
}

/** Views of the "bad" variant: every 4-byte call reverts, as a token without decimals() would. */
const REVERTING_VIEWS = '5b600080fd'; // 47 JUMPDEST, PUSH1 0, DUP1, REVERT(0, 0)

/** Init code that copies the runtime that follows it into memory and returns it. */
function initCode(runtime: string): string {
  const size = runtime.length / 2;
  const prefix = [
    `61${size.toString(16).padStart(4, '0')}`, // PUSH2 size         [size]
    '80', //                                       DUP1               [size, size]
    '600c', //                                     PUSH1 12 (this prefix's length)
    '6000', //                                     PUSH1 0
    '39', //                                       CODECOPY(0, 12, size)   [size]
    '6000', //                                     PUSH1 0
    'f3', //                                       RETURN(0, size)
  ].join('');
  return `0x${prefix}${runtime}`;
}

/** Runtime bytecode of a token; `null` makes the variant whose decimals() reverts. */
export function tokenRuntime(meta: { decimals: number; symbol: string } | null): string {
  return `0x${EMITTER}${meta ? views(meta.decimals, meta.symbol) : REVERTING_VIEWS}`;
}

/** Deploys a test token on anvil and returns its address. */
export async function deployToken(
  anvil: Anvil,
  meta: { decimals: number; symbol: string } | null,
): Promise<string> {
  const runtime = tokenRuntime(meta).slice(2);
  const receipt = await anvil.send({ from: anvil.accounts[0]!, data: initCode(runtime) });
  if (!receipt.contractAddress) throw new Error('token deployment returned no contract address');
  return receipt.contractAddress;
}

/** Calldata for `count` Transfer events of `amount` base units to `to`. */
export function transferCalldata(to: string, amount: bigint, count = 1): string {
  const word = (v: bigint) => v.toString(16).padStart(64, '0');
  return `0x${word(BigInt(to))}${word(amount)}${count > 1 ? word(BigInt(count)) : ''}`;
}

/** Emits Transfer(from, to, amount) `count` times in one transaction; returns the receipt. */
export async function emitTransfers(
  anvil: Anvil,
  token: string,
  from: string,
  to: string,
  amount: bigint,
  count = 1,
) {
  // Gas per event is about 2,000; anvil's estimate would re-run the loop, so set it outright.
  const gas = `0x${(60_000 + count * 2_500).toString(16)}`;
  return anvil.send({ from, to: token, data: transferCalldata(to, amount, count), gas });
}
