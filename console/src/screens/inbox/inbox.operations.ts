import { graphql } from '../../gql';

/** What a row of the inbox and the conversation's header show. */
export const ConversationFields = graphql(`
  fragment InboxConversation on ChannelConversation {
    id
    platform
    accountId
    accountName
    state
    claimedBy
    claimedAt
    waitingSince
    lastInboundAt
    replyWindowOpen
    optedOut
    language
    ticketId
    version
    sender {
      handle
      name
      identityVisible
    }
  }
`);

export const InboxConversationsQuery = graphql(`
  query InboxConversations {
    channelConversations(limit: 200) {
      ...InboxConversation
    }
  }
`);

export const InboxConversationQuery = graphql(`
  query InboxConversationDetail($id: ID!) {
    channelConversation(id: $id) {
      ...InboxConversation
    }
    channelMessages(conversationId: $id) {
      id
      direction
      kind
      at
      text
      sentBy
      status
      statusDetail
      templateName
      attachmentRef
      attachmentMimeType
      location {
        latitude
        longitude
        name
        address
      }
    }
  }
`);

/** Each committed change of any conversation: the screen reads the list (and the open one) again. */
export const ConversationUpdatedSubscription = graphql(`
  subscription InboxConversationUpdated {
    conversationUpdated {
      cursor
      conversationId
      reason
    }
  }
`);

export const InboxReferenceQuery = graphql(`
  query InboxReference($language: Language!) {
    districts {
      code
      name
    }
    categories(language: $language) {
      code
      name
      defaultKind
    }
  }
`);

export const ChannelTemplatesQuery = graphql(`
  query InboxChannelTemplates {
    channelTemplates {
      id
      key
      language
      body
      whatsappName
    }
  }
`);

/** Finds the ticket a call taker names by its number (the attach form takes what a person reads: #BGL-…). */
export const TicketByNumberQuery = graphql(`
  query InboxTicketByNumber($text: String!) {
    tickets(filter: { text: $text }, first: 5) {
      edges {
        node {
          id
          number
        }
      }
    }
  }
`);

export const ClaimConversationMutation = graphql(`
  mutation InboxClaim($id: ID!) {
    claimConversation(id: $id) {
      __typename
      ... on ConversationClaimed { conversation { ...InboxConversation } }
      ... on ConversationAlreadyClaimed { claimedBy claimedAt }
      ... on ConversationClosed { conversationId }
      ... on ConversationNotFound { conversationId }
    }
  }
`);

export const ReleaseConversationMutation = graphql(`
  mutation InboxRelease($id: ID!) {
    releaseConversation(id: $id) {
      ...InboxConversation
    }
  }
`);

export const ReplyMutation = graphql(`
  mutation InboxReply($input: ReplyToConversationInput!) {
    replyToConversation(input: $input) {
      __typename
      ... on ConversationReplyQueued { messageId templateName replayed conversation { ...InboxConversation } }
      ... on CustomerWindowClosed { closedAt lastInboundAt templateKeys }
      ... on ConversationNotHeld { claimedBy }
      ... on ConversationNotFound { conversationId }
      ... on InvalidChannelInput { message problems }
    }
  }
`);

/** What making a ticket and attaching to one both answer: linked, or a typed refusal. */
export const TicketLinkResultFields = graphql(`
  fragment InboxTicketLinkResult on ConversationTicketResult {
    __typename
    ... on ConversationTicketLinked { ticketId ticketNumber created conversation { ...InboxConversation } }
    ... on ConversationAlreadyLinked { ticketId }
    ... on ConversationNotHeld { claimedBy }
    ... on ConversationNotFound { conversationId }
    ... on ChannelTicketNotFound { ticketId }
    ... on InvalidChannelInput { message problems }
  }
`);

export const TicketFromConversationMutation = graphql(`
  mutation InboxTicketFrom($input: CreateTicketFromConversationInput!) {
    createTicketFromConversation(input: $input) {
      ...InboxTicketLinkResult
    }
  }
`);

export const AttachToTicketMutation = graphql(`
  mutation InboxAttach($conversationId: ID!, $ticketId: ID!) {
    attachConversationToTicket(conversationId: $conversationId, ticketId: $ticketId) {
      ...InboxTicketLinkResult
    }
  }
`);

export const AnswerConversationMutation = graphql(`
  mutation InboxAnswer($input: AnswerConversationInput!) {
    answerConversation(input: $input) {
      __typename
      ... on ConversationAnswered { ticketId ticketNumber conversation { ...InboxConversation } }
      ... on CustomerWindowClosed { closedAt lastInboundAt templateKeys }
      ... on ConversationAlreadyLinked { ticketId }
      ... on ConversationNotHeld { claimedBy }
      ... on ConversationNotFound { conversationId }
      ... on InvalidChannelInput { message problems }
    }
  }
`);
