import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Metropolitan 01–95 (Corsica 2A/2B), overseas 971–978 and 986–988: as core's entry rules say. */
const DEPARTEMENT = /^(0?[1-9]|1[0-9]|2[1-9]|2A|2B|[3-8][0-9]|9[0-5]|97[1-8]|98[6-8])$/;
const DEBOUNCE_MS = 300;
export const PAGE_SIZE = 20;
/** The server answers any text, but one letter matches half the country: wait for two. */
const MIN_QUERY = 2;

export function isDepartement(value: string): boolean {
  return DEPARTEMENT.test(value.trim().toUpperCase());
}

function normaliseDepartement(value: string): string {
  const upper = value.trim().toUpperCase();
  return /^[1-9]$/.test(upper) ? `0${upper}` : upper;
}

function setOrDelete(params: URLSearchParams, key: string, value: string): void {
  if (value === '') params.delete(key);
  else params.set(key, value);
}

/**
 * The search lives in the address (`?q=&specialty=&departement=&page=`), so a result page can be
 * bookmarked, shared and reached again with Back. The inputs answer at once; what they hold reaches
 * the address (and so the server) after a short pause in typing.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const specialty = params.get('specialty') ?? '';
  const departement = params.get('departement') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const [text, setTextNow] = useState(q);
  const [departementText, setDepartementNow] = useState(departement);
  // What this page itself last wrote: any other change of the address is navigation (Back, a link),
  // and the inputs then follow the address.
  const written = useRef({ q, departement });

  useEffect(() => {
    if (q !== written.current.q) {
      written.current.q = q;
      setTextNow(q);
    }
    if (departement !== written.current.departement) {
      written.current.departement = departement;
      setDepartementNow(departement);
    }
  }, [q, departement]);

  const update = (changes: Record<string, string>, replace: boolean) => {
    written.current = {
      q: changes.q ?? written.current.q,
      departement: changes.departement ?? written.current.departement,
    };
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) setOrDelete(next, key, value);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  const writeText = useDebouncedCallback((value: string) => update({ q: value }, true), DEBOUNCE_MS);
  const writeDepartement = useDebouncedCallback(
    (value: string) => update({ departement: value }, true),
    DEBOUNCE_MS,
  );
  const departementError = departementText.trim() !== '' && !isDepartement(departementText);

  return {
    text,
    setText: (value: string) => {
      setTextNow(value);
      writeText(value.trim());
    },
    departementText,
    setDepartementText: (value: string) => {
      setDepartementNow(value);
      if (value.trim() === '' || isDepartement(value)) writeDepartement(normaliseDepartement(value));
      else writeDepartement.cancel();
    },
    departementError,
    specialty,
    setSpecialty: (value: string | null) => update({ specialty: value ?? '' }, false),
    page,
    setPage: (value: number) => update({ page: value > 1 ? String(value) : '' }, false),
    hasFilters: q !== '' || specialty !== '' || departement !== '' || text !== '' || departementText !== '',
    clear: () => {
      writeText.cancel();
      writeDepartement.cancel();
      setTextNow('');
      setDepartementNow('');
      update({ q: '', specialty: '', departement: '' }, true);
    },
    /** What the server is asked, or null while there is not enough to search on. */
    request:
      q.length >= MIN_QUERY || specialty !== '' || departement !== ''
        ? { q, specialty, departement, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }
        : null,
  };
}
