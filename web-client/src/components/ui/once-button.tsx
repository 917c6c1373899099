import { Button, type ButtonProps } from "@mantine/core";
import { useEffect, useRef } from "react";

/**
 * The confirm button of an irreversible action (validate, send, accept, delete…): a double click sends one request.
 * The second click of a double click comes before `pending` reaches the next render, so `loading` alone does not
 * stop it; a ref taken on the first click does, and is released once the request is over (done or refused, so a
 * corrected retry can be sent). `onClick` returns false when it sent nothing (a missing reason): the button stays usable.
 */
export function OnceButton({
  pending,
  onClick,
  ...props
}: ButtonProps & { pending: boolean; onClick: () => void | boolean; "data-autofocus"?: boolean; "data-testid"?: string }) {
  const sent = useRef(false);
  useEffect(() => {
    if (!pending) sent.current = false;
  }, [pending]);
  return (
    <Button
      {...props}
      loading={pending}
      onClick={() => {
        if (sent.current || pending) return;
        sent.current = true;
        if (onClick() === false) sent.current = false;
      }}
    />
  );
}
