export interface Tokens {
  userId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Mood {
  label: string;
  valence: number;
  emotions?: string[];
}

export interface Greeting {
  message: string;
  needsName: boolean;
}

export interface MemoryRef {
  id: string;
  text: string;
}

export interface Turn {
  conversationId: string;
  messageId: string;
  reply: string;
  summary?: { text: string; topics: string[]; mood?: Mood | null } | null;
  preferredName?: string | null;
  memoriesUsed?: MemoryRef[];
}

export interface Conversation {
  conversationId: string;
  startedAt: string;
  lastMessageAt: string;
  title: string | null;
}

export interface StoredMessage {
  messageId: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: string;
  mood?: Mood | null;
}

export interface Memory {
  id: string;
  text: string;
  category: string;
  subject?: string | null;
  values?: string[];
  createdAt: string;
  updatedAt?: string | null;
  lastRecalledAt?: string | null;
  archived: boolean;
  sourceMessageId?: string | null;
}

/** One earlier version or merge (memory-service's history view). */
export interface MemoryHistoryEntry {
  change?: string;
  text?: string;
  values?: string[];
  at?: string;
}

export interface MemoryDetail extends Memory {
  history?: MemoryHistoryEntry[];
}

export interface MoodEntry {
  at: string;
  label: string;
  valence: number;
  emotions: string[];
}

export interface DailyMood {
  date: string;
  averageValence: number;
  count: number;
  dominant: string | null;
}

export interface MoodReport {
  entries: MoodEntry[];
  daily: DailyMood[];
  trend: { direction: 'improving' | 'declining' | 'stable'; slopePerDay: number };
}

export interface Profile {
  userId: string;
  email: string;
  username: string;
  preferredName: string | null;
  roles: string[];
  createdAt: string;
}
