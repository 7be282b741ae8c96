-- The inbox's search by a customer's name goes from the matching customers to their
-- conversations (by customerId, or by client and address): without these it looked at every
-- customer of the client once per conversation.
-- CreateIndex
CREATE INDEX "Conversation_customerId_idx" ON "Conversation"("customerId");

-- CreateIndex
CREATE INDEX "Conversation_clientId_address_idx" ON "Conversation"("clientId", "address");
